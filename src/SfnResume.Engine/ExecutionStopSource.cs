namespace SfnResume.Engine;

/// <summary>
/// StopExecution for a running execution: <see cref="Stop"/> ends it with ExecutionAborted carrying the given
/// error and cause (both optional, as in the StopExecution API). Pass it in <see cref="ExecutionRequest.StopSource"/>;
/// cancelling the token given to <see cref="StepFunctionsEngine.RunAsync"/> stops without error or cause.
/// </summary>
public sealed class ExecutionStopSource : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public bool IsStopRequested => _source.IsCancellationRequested;

    public void Stop(string? error = null, string? cause = null)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        Error = error;
        Cause = cause;
        _source.Cancel();
    }

    public void Dispose() => _source.Dispose();
}
