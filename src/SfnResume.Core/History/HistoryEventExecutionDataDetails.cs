namespace SfnResume.Core.History;

/// <summary>
/// <c>inputDetails</c>, <c>outputDetails</c> and <c>assignedVariablesDetails</c>: whether Step Functions cut the
/// data short (over 256 KiB) when it wrote the event.
/// </summary>
public sealed record HistoryEventExecutionDataDetails(bool? Truncated)
{
    internal static readonly HistoryEventExecutionDataDetails NotTruncated = new(false);
}

/// <summary><c>taskCredentials</c>: the role a Task state assumed (<c>Credentials</c> field of the state).</summary>
public sealed record TaskCredentials(string? RoleArn);
