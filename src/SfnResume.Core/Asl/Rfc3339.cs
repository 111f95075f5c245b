using System.Globalization;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Asl;

/// <summary>
/// RFC 3339 date-times as Step Functions accepts them in Wait and Choice: uppercase <c>T</c> and <c>Z</c>,
/// optional fraction, <c>Z</c> or a numeric offset, and a real calendar date and time.
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsValid(string text)
    {
        if (!Pattern().IsMatch(text))
        {
            return false;
        }

        // Validate the calendar fields (month 13 or hour 25 match the pattern but are not dates).
        var core = text[..19];
        return DateTime.TryParseExact(core, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && ValidOffset(text);
    }

    private static bool ValidOffset(string text)
    {
        if (text.EndsWith('Z'))
        {
            return true;
        }

        var offset = text[^6..];
        return int.Parse(offset.AsSpan(1, 2), CultureInfo.InvariantCulture) < 24
            && int.Parse(offset.AsSpan(4, 2), CultureInfo.InvariantCulture) < 60;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
