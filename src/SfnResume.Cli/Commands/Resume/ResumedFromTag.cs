using SfnResume.Api.Contracts;

namespace SfnResume.Cli.Commands.Resume;

/// <summary>
/// The tag that links a <c>-with-GoToState</c> copy to the failed execution it was last made for:
/// <c>sfn-resume:resumed-from</c> = the execution ARN.
/// </summary>
/// <remarks>
/// A tag value holds at most 256 characters (api-protocol.md, TagResource) and an execution ARN can be longer (two
/// 80-character names plus a long partition and region, or the extra parts of Express and Map Run child ARNs).
/// A longer ARN is split, losslessly, into 256-character parts: the first under <c>sfn-resume:resumed-from</c>,
/// the next under <c>sfn-resume:resumed-from:2</c>, <c>:3</c> and so on; joining the values in key order gives
/// the ARN back. Parts left from an earlier, longer ARN are removed when the copy is tagged again.
/// </remarks>
internal static class ResumedFromTag
{
    public const string Key = "sfn-resume:resumed-from";

    /// <summary>AWS's limit on a tag value.</summary>
    public const int MaxValueLength = 256;

    /// <summary>The tags that hold <paramref name="executionArn"/>.</summary>
    public static IReadOnlyList<Tag> For(string executionArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArn);
        var tags = new List<Tag>();
        for (var offset = 0; offset < executionArn.Length; offset += MaxValueLength)
        {
            var part = executionArn.Substring(offset, Math.Min(MaxValueLength, executionArn.Length - offset));
            tags.Add(new Tag { Key = PartKey(tags.Count + 1), Value = part });
        }

        return tags;
    }

    /// <summary>Keys among <paramref name="existing"/> that are parts of this tag but not of <paramref name="current"/>.</summary>
    public static IReadOnlyList<string> StaleKeys(IReadOnlyList<Tag> existing, IReadOnlyList<Tag> current)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(current);
        return [.. existing
            .Select(t => t.Key)
            .OfType<string>()
            .Where(k => k.StartsWith(Key + ":", StringComparison.Ordinal) && current.All(t => t.Key != k))];
    }

    /// <summary>The execution ARN read back from a resource's tags, or null when it has none.</summary>
    public static string? Read(IReadOnlyList<Tag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var byKey = tags.Where(t => t.Key is not null).ToDictionary(t => t.Key!, t => t.Value ?? "", StringComparer.Ordinal);
        if (!byKey.TryGetValue(Key, out var first))
        {
            return null;
        }

        var arn = first;
        for (var part = 2; byKey.TryGetValue(PartKey(part), out var next); part++)
        {
            arn += next;
        }

        return arn;
    }

    private static string PartKey(int part) => part == 1 ? Key : $"{Key}:{part}";
}
