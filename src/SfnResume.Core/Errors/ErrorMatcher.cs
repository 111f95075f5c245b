namespace SfnResume.Core.Errors;

/// <summary>
/// Decides whether a Retrier's or Catcher's <c>ErrorEquals</c> list covers an error name.
/// </summary>
/// <remarks>
/// Rules (AWS Developer Guide, "Error names"): <c>States.ALL</c> matches any error except
/// <c>States.Runtime</c> and <c>States.DataLimitExceeded</c>, which are terminal; <c>States.TaskFailed</c>
/// matches any error except <c>States.Timeout</c> (and the terminal ones). A recorded execution shows that
/// even an explicit <c>["States.Runtime"]</c> catcher does not catch a runtime error, so terminal errors
/// never match anything.
/// </remarks>
public static class ErrorMatcher
{
    /// <summary>True for errors that end the execution regardless of Retry and Catch.</summary>
    public static bool IsTerminal(string error) =>
        string.Equals(error, StatesErrorNames.Runtime, StringComparison.Ordinal)
        || string.Equals(error, StatesErrorNames.DataLimitExceeded, StringComparison.Ordinal);

    /// <summary>True when one entry of <paramref name="errorEquals"/> matches <paramref name="error"/>.</summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        ArgumentNullException.ThrowIfNull(errorEquals);
        ArgumentNullException.ThrowIfNull(error);
        if (IsTerminal(error))
        {
            return false;
        }

        for (var i = 0; i < errorEquals.Count; i++)
        {
            if (Matches(errorEquals[i], error))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the single name <paramref name="pattern"/> matches <paramref name="error"/>.</summary>
    public static bool Matches(string pattern, string error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(error);
        if (IsTerminal(error))
        {
            return false;
        }

        if (string.Equals(pattern, error, StringComparison.Ordinal)
            || string.Equals(pattern, StatesErrorNames.All, StringComparison.Ordinal))
        {
            return true;
        }

        return string.Equals(pattern, StatesErrorNames.TaskFailed, StringComparison.Ordinal)
            && !string.Equals(error, StatesErrorNames.Timeout, StringComparison.Ordinal);
    }
}
