using SfnResume.Api;

namespace SfnResume.Cli.Infrastructure;

/// <summary>Turns what the Step Functions API refuses (a bad definition, an unknown ARN) into a user error.</summary>
internal static class ServiceErrors
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SfnServiceException ex)
        {
            throw new CliUserException(Describe(ex));
        }
    }

    public static string Describe(SfnServiceException ex) =>
        $"{ex.ErrorType}: {string.Join(' ', ex.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}";
}
