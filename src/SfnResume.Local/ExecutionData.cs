using SfnResume.Core.History;

namespace SfnResume.Local;

/// <summary>GetExecutionHistory with <c>includeExecutionData: false</c>: events without their input and output data.</summary>
internal static class ExecutionData
{
    public static HistoryEvent Without(HistoryEvent e) => e.Type switch
    {
        HistoryEventType.ExecutionStarted when e.ExecutionStartedEventDetails is { } d => e with { ExecutionStartedEventDetails = d with { Input = null } },
        HistoryEventType.ExecutionSucceeded when e.ExecutionSucceededEventDetails is { } d => e with { ExecutionSucceededEventDetails = d with { Output = null } },
        HistoryEventType.LambdaFunctionScheduled when e.LambdaFunctionScheduledEventDetails is { } d => e with { LambdaFunctionScheduledEventDetails = d with { Input = null } },
        HistoryEventType.LambdaFunctionSucceeded when e.LambdaFunctionSucceededEventDetails is { } d => e with { LambdaFunctionSucceededEventDetails = d with { Output = null } },
        HistoryEventType.TaskSucceeded when e.TaskSucceededEventDetails is { } d => e with { TaskSucceededEventDetails = d with { Output = null } },
        _ when e.StateEnteredEventDetails is { } d => e with { StateEnteredEventDetails = d with { Input = null } },
        _ when e.StateExitedEventDetails is { } d => e with { StateExitedEventDetails = d with { Output = null } },
        _ => e,
    };
}
