namespace SfnResume.Api.Contracts;

/// <summary>TagResource request.</summary>
public sealed record TagResourceRequest
{
    public string? ResourceArn { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}

/// <summary>TagResource response: <c>{}</c>.</summary>
public sealed record TagResourceResponse;

/// <summary>UntagResource request.</summary>
public sealed record UntagResourceRequest
{
    public string? ResourceArn { get; init; }

    public IReadOnlyList<string>? TagKeys { get; init; }
}

/// <summary>UntagResource response: <c>{}</c>.</summary>
public sealed record UntagResourceResponse;

/// <summary>ListTagsForResource request.</summary>
public sealed record ListTagsForResourceRequest
{
    public string? ResourceArn { get; init; }
}

/// <summary>ListTagsForResource response.</summary>
public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<Tag>? Tags { get; init; }
}
