using System.Text.RegularExpressions;

namespace SfnResume.Engine.Conformance;

/// <summary>Patterns of the recording tool's basic transformers.</summary>
internal static partial class SnapshotPatterns
{
    /// <summary>A UUID; the recorder tests it with a prefix match (Python <c>re.match</c>).</summary>
    [GeneratedRegex("^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}", RegexOptions.CultureInvariant)]
    public static partial Regex UuidPrefix();

    [GeneratedRegex("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}", RegexOptions.CultureInvariant)]
    public static partial Regex Uuid();

    /// <summary>
    /// An ISO-8601 date-time with a valid calendar date (leap years included), a time, optional fraction and a
    /// mandatory zone (<c>Z</c> or an offset). Anything else, such as month 13 or a missing zone, is left alone.
    /// </summary>
    [GeneratedRegex(
        "(?:[1-9][0-9]{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
        + "|(?:[1-9][0-9](?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)"
        + "T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?(?:Z|[+-][01][0-9]:?(?:[0-5][0-9])?)",
        RegexOptions.CultureInvariant)]
    public static partial Regex IsoDateTime();

    /// <summary>A cause that quotes JSON between single quotes: <c>... '{"a":1}' ...</c>.</summary>
    [GeneratedRegex("^.*'(\\{.*\\})'", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    public static partial Regex QuotedJsonInCause();

    /// <summary>A placeholder written by a reference transformer, e.g. <c>&lt;uuid:2&gt;</c>.</summary>
    [GeneratedRegex("<([A-Za-z][A-Za-z0-9_.-]*):([0-9]+)>", RegexOptions.CultureInvariant)]
    public static partial Regex NumberedPlaceholder();

    /// <summary>A map run ARN's last two parts: <c>:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>.</summary>
    [GeneratedRegex(@":mapRun:[^/""\s]+/([^:/""\s]+):([^:/""\s]+)", RegexOptions.CultureInvariant)]
    public static partial Regex MapRunArn();

    /// <summary>Keys the recorder masks as timestamps.</summary>
    public static bool IsTimestampKey(string key) =>
        key.Contains("timestamp", StringComparison.OrdinalIgnoreCase)
        || key.Equals("creationTime", StringComparison.Ordinal)
        || key.Equals("ingestionTime", StringComparison.Ordinal);
}
