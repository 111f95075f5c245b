using SfnResume.Core.History;

namespace SfnResume.Engine.Tests.Support;

/// <summary>Short renderings of a history for assertions.</summary>
internal static class HistoryText
{
    /// <summary>"id prev Type" per event.</summary>
    public static string[] Chain(ExecutionResult result) =>
        [.. result.Events.Select(e => e.Id + " " + e.PreviousEventId + " " + e.Type)];

    public static HistoryEvent Single(ExecutionResult result, HistoryEventType type, string? stateName = null) =>
        Assert.Single(result.Events, e => e.Type == type && (stateName is null || e.StateName == stateName));
}
