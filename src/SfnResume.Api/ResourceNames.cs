namespace SfnResume.Api;

/// <summary>
/// Names of state machines, executions, activities and aliases (api-protocol.md section 5): 1..80 characters
/// without white space, brackets, wildcards, the special characters <c>" # % \ ^ | ~ ` $ &amp; , ; : /</c>,
/// control characters (U+0000-001F, U+007F-009F), U+FFFE-FFFF or lone surrogates.
/// </summary>
public static class ResourceNames
{
    public const int MaxLength = 80;

    /// <summary>True when <paramref name="name"/> uses only allowed characters (length is the model's check, not this one).</summary>
    public static bool HasValidCharacters(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the name is 1..80 characters and uses only allowed characters.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && HasValidCharacters(name);

    /// <summary>Throws AWS's <c>InvalidName</c> for a name with a forbidden character.</summary>
    public static void EnsureValidCharacters(string name)
    {
        if (!HasValidCharacters(name))
        {
            throw SfnServiceException.InvalidName(name);
        }
    }

    private static bool IsForbidden(char c) =>
        char.IsWhiteSpace(c)
        || c is '<' or '>' or '{' or '}' or '[' or ']' or '?' or '*'
            or '"' or '#' or '%' or '\\' or '^' or '|' or '~' or '`' or '$' or '&' or ',' or ';' or ':' or '/'
        || c <= '\u001F'
        || c is >= '\u007F' and <= '\u009F'
        || c is '\uFFFE' or '\uFFFF'
        || char.IsSurrogate(c);
}
