using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Fills the <c>{{NOW+Ns|fmt}}</c> placeholders of time-relative inputs: the clock's time plus (or minus)
/// N seconds, formatted with a strftime format. The same filling applies to the case's regex transformers so
/// the filled value is masked as it was when recorded.
/// </summary>
internal static partial class InputTemplate
{
    [GeneratedRegex(@"\{\{NOW([+-])([0-9]+)s\|([^}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string Fill(string template, DateTimeOffset now) =>
        Placeholder().Replace(template, m =>
        {
            long seconds = long.Parse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var at = now.ToUniversalTime().AddSeconds(m.Groups[1].Value == "-" ? -seconds : seconds);
            return Strftime(at, m.Groups[3].Value);
        });

    /// <summary>The strftime directives the corpus uses (<c>%Y %m %d %H %M %S %f %z %Z %%</c>); other text is kept.</summary>
    internal static string Strftime(DateTimeOffset at, string format)
    {
        var text = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                text.Append(format[i]);
                continue;
            }

            char directive = format[++i];
            text.Append(directive switch
            {
                'Y' => at.Year.ToString("D4", CultureInfo.InvariantCulture),
                'm' => at.Month.ToString("D2", CultureInfo.InvariantCulture),
                'd' => at.Day.ToString("D2", CultureInfo.InvariantCulture),
                'H' => at.Hour.ToString("D2", CultureInfo.InvariantCulture),
                'M' => at.Minute.ToString("D2", CultureInfo.InvariantCulture),
                'S' => at.Second.ToString("D2", CultureInfo.InvariantCulture),
                'f' => (at.Ticks % TimeSpan.TicksPerSecond / 10).ToString("D6", CultureInfo.InvariantCulture),
                'z' => "+0000",
                'Z' => "UTC",
                '%' => "%",
                _ => "%" + directive,
            });
        }

        return text.ToString();
    }
}
