namespace SfnResume.Core.Errors;

/// <summary>
/// An ASL runtime error: data that Retry and Catch match on by <see cref="Error"/>, and that becomes
/// <c>ExecutionFailed</c> with <c>error</c>/<c>cause</c> when uncaught.
/// </summary>
/// <remarks>
/// The expression layer (paths, payload templates, intrinsics) does not know which state it runs in, so
/// it throws with <see cref="IsStateScoped"/> set and a cause that lacks AWS's state prefix. The
/// interpreter calls <see cref="InState"/> to add "An error occurred while executing the state 'X'
/// (entered at the event id #n). " before recording it.
/// </remarks>
public sealed class StatesException : Exception
{
    public StatesException(string error, string cause)
        : this(error, cause, isStateScoped: false, innerException: null)
    {
    }

    public StatesException(string error, string cause, Exception? innerException)
        : this(error, cause, isStateScoped: false, innerException)
    {
    }

    public StatesException()
        : this(StatesErrorNames.Runtime, string.Empty)
    {
    }

    public StatesException(string message)
        : this(StatesErrorNames.Runtime, message)
    {
    }

    private StatesException(string error, string cause, bool isStateScoped, Exception? innerException)
        : base(error + ": " + cause, innerException)
    {
        Error = error;
        Cause = cause;
        IsStateScoped = isStateScoped;
    }

    /// <summary>The error name, e.g. <c>States.Runtime</c>.</summary>
    public string Error { get; }

    /// <summary>The cause text exactly as it is recorded.</summary>
    public string Cause { get; }

    /// <summary>
    /// True when the cause still needs the state prefix (<see cref="InState"/>); set by the expression layer.
    /// </summary>
    public bool IsStateScoped { get; }

    /// <summary>An error raised while evaluating a state's data fields; the cause gets the state prefix later.</summary>
    public static StatesException ScopedToState(string error, string detail) =>
        new(error, detail, isStateScoped: true, innerException: null);

    /// <summary>
    /// Returns this error with AWS's state prefix on the cause when <see cref="IsStateScoped"/> is set;
    /// otherwise returns this instance unchanged.
    /// </summary>
    public StatesException InState(string stateName, long enteredEventId) =>
        IsStateScoped
            ? new StatesException(Error, StatesCauses.InState(stateName, enteredEventId, Cause), isStateScoped: false, this)
            : this;
}
