namespace SfnResume.Storage.Sqlite;

/// <summary>
/// Events offered to an append do not continue the stored history: ids must run on from the last stored id
/// without gaps or repeats (an event, once written, is never rewritten).
/// </summary>
public sealed class HistoryAppendException : InvalidOperationException
{
    public HistoryAppendException(string executionArn, long expectedId, long actualId)
        : base($"History of {executionArn}: expected event id {expectedId}, got {actualId} (events are append-only and ids contiguous)")
    {
        ExecutionArn = executionArn;
        ExpectedId = expectedId;
        ActualId = actualId;
    }

    public HistoryAppendException()
    {
        ExecutionArn = "";
    }

    public HistoryAppendException(string message)
        : base(message)
    {
        ExecutionArn = "";
    }

    public HistoryAppendException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExecutionArn = "";
    }

    public string ExecutionArn { get; }

    public long ExpectedId { get; }

    public long ActualId { get; }
}
