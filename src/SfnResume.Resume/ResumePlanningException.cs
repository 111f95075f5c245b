namespace SfnResume.Resume;

/// <summary>
/// The history and definition given cannot be planned as asked (the execution did not fail, the state is
/// unknown, the definition does not match the history). The message is one line meant for the user.
/// </summary>
public sealed class ResumePlanningException(string message) : Exception(message);
