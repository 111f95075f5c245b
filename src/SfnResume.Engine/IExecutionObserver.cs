using SfnResume.Core.History;

namespace SfnResume.Engine;

/// <summary>Sees each history event as it is written, in id order (a store appends them; a CLI shows progress).</summary>
public interface IExecutionObserver
{
    /// <summary>Called once per event, under the history's lock: keep it short and do not call back into the engine.</summary>
    void OnEvent(HistoryEvent historyEvent);
}
