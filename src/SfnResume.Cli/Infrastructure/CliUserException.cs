namespace SfnResume.Cli.Infrastructure;

/// <summary>
/// A problem with what the user gave us (a file, an option, a state name). Reported as one line on stderr
/// with exit code 2 and no stack trace; any other exception is a bug and is allowed to crash loudly.
/// </summary>
internal sealed class CliUserException(string message) : Exception(message);
