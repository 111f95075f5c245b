using System.Text.Json.Nodes;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;

namespace SfnResume.Local.Replay;

/// <summary>
/// Serves Lambda calls the history already answered with the recorded answer (the function is not called
/// again); every other call goes to <paramref name="live"/>. The recorded result is given as the task's whole
/// result (<see cref="LambdaOutcome.Mocked"/>) so that lambda:invoke responses keep their recorded request ids.
/// </summary>
internal sealed class ReplayingLambdaInvoker(ILambdaInvoker? live) : ILambdaInvoker
{
    public ValueTask<LambdaOutcome> InvokeAsync(LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (ExecutionSession.Current?.RecordedOutcome() is { } recorded)
        {
            return new ValueTask<LambdaOutcome>(ToOutcome(recorded));
        }

        return live is null
            ? new ValueTask<LambdaOutcome>(LambdaResolver.NotServed(invocation))
            : live.InvokeAsync(invocation, cancellationToken);
    }

    private static LambdaOutcome ToOutcome(HistoryEvent e) => e.Type switch
    {
        HistoryEventType.LambdaFunctionSucceeded => new LambdaOutcome.Mocked(Parse(e.LambdaFunctionSucceededEventDetails?.Output)),
        HistoryEventType.TaskSucceeded => new LambdaOutcome.Mocked(Parse(e.TaskSucceededEventDetails?.Output)),
        HistoryEventType.LambdaFunctionFailed => new LambdaOutcome.Failed(e.LambdaFunctionFailedEventDetails?.Error ?? "", e.LambdaFunctionFailedEventDetails?.Cause),
        HistoryEventType.TaskFailed => new LambdaOutcome.Failed(e.TaskFailedEventDetails?.Error ?? "", e.TaskFailedEventDetails?.Cause),
        _ => LambdaOutcome.TimedOut.Instance,
    };

    private static JsonNode? Parse(string? text) => text is null ? null : JsonNode.Parse(text);
}
