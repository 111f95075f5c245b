using SfnResume.Core.History;

namespace SfnResume.Local;

/// <summary>A new event of a running execution, as stored (ids continue the stored history).</summary>
/// <param name="ExecutionArn">The execution.</param>
/// <param name="Event">The event.</param>
/// <param name="CurrentState">Name of the state entered last, if any.</param>
public sealed record ExecutionProgress(string ExecutionArn, HistoryEvent Event, string? CurrentState);
