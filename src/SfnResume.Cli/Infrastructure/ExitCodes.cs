namespace SfnResume.Cli.Infrastructure;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The execution the command ran or waited for failed, timed out or was aborted.</summary>
    public const int ExecutionFailed = 1;

    public const int UserError = 2;
}
