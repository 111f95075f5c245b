using SfnResume.Core.History;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// The Aborted events of states that were still running when their branch or iteration was told to stop
/// (history-events.md section 3: they point at the event that failed the sibling).
/// </summary>
internal static class Aborts
{
    /// <summary>Writes <paramref name="type"/> for a state cancelled through its frame's token.</summary>
    public static void Write(Frame frame, HistoryEventType type)
    {
        if (frame.AbortReason is { } reason)
        {
            frame.Run.Recorder.Simple(type, reason.IsStop ? frame.Source : reason.FailingEventId, frame.Now);
        }
        else if (!frame.IsTopLevel)
        {
            // StopExecution: AWS writes ExecutionAborted straight after a top-level state (recorded); states
            // inside branches are closed with their own Aborted events.
            frame.Run.Recorder.Simple(type, frame.Source, frame.Now);
        }
    }
}
