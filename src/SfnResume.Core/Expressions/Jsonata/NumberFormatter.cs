using System.Globalization;
using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>$formatNumber: the XPath F&amp;O 3.1 format-number picture (section 4.7), as JSONata applies it.</summary>
internal static class NumberFormatter
{
    private sealed record Parts(string Prefix, string Suffix, string ActivePart, string MantissaPart, string? ExponentPart, string IntegerPart, string FractionalPart, string SubPicture);

    private sealed class Variables
    {
        public List<int> IntegerGroupingPositions { get; init; } = [];

        public int RegularGrouping { get; init; }

        public int MinimumIntegerPartSize { get; init; }

        public int ScalingFactor { get; init; }

        public string Prefix { get; set; } = string.Empty;

        public List<int> FractionalGroupingPositions { get; init; } = [];

        public int MinimumFractionalPartSize { get; init; }

        public int MaximumFractionalPartSize { get; init; }

        public int MinimumExponentSize { get; init; }

        public string Suffix { get; init; } = string.Empty;

        public string Picture { get; init; } = string.Empty;

        public Variables Copy() => (Variables)MemberwiseClone();
    }

    public static string Format(double value, string picture, JMap? options)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["decimal-separator"] = ".", ["grouping-separator"] = ",", ["exponent-separator"] = "e", ["infinity"] = "Infinity",
            ["minus-sign"] = "-", ["NaN"] = "NaN", ["percent"] = "%", ["per-mille"] = "\u2030", ["zero-digit"] = "0",
            ["digit"] = "#", ["pattern-separator"] = ";",
        };
        if (options is not null)
        {
            foreach (var kv in options.Entries)
            {
                if (kv.Value is string s)
                {
                    props[kv.Key] = s;
                }
            }
        }

        var zero = props["zero-digit"][0];
        var family = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            family.Add(((char)(zero + i)).ToString());
        }

        var decimalSep = props["decimal-separator"];
        var groupSep = props["grouping-separator"];
        var expSep = props["exponent-separator"];
        var digit = props["digit"];
        var percent = props["percent"];
        var perMille = props["per-mille"];
        var active = new List<string>(family) { decimalSep, expSep, groupSep, digit, props["pattern-separator"] };
        bool IsActive(char ch) => active.Contains(ch.ToString());
        bool IsDigit(char ch) => family.Contains(ch.ToString());

        var subPictures = picture.Split(props["pattern-separator"]);
        if (subPictures.Length > 2)
        {
            throw JsonataException.Create("D3080");
        }

        Parts Split(string sub)
        {
            var prefix = string.Empty;
            for (var ii = 0; ii < sub.Length; ii++)
            {
                if (IsActive(sub[ii]) && sub[ii].ToString() != expSep)
                {
                    prefix = sub[..ii];
                    break;
                }
            }

            var suffix = string.Empty;
            for (var ii = sub.Length - 1; ii >= 0; ii--)
            {
                if (IsActive(sub[ii]) && sub[ii].ToString() != expSep)
                {
                    suffix = sub[(ii + 1)..];
                    break;
                }
            }

            var activePart = prefix.Length <= sub.Length - suffix.Length ? sub[prefix.Length..(sub.Length - suffix.Length)] : string.Empty;
            string mantissa;
            string? exponent;
            var exponentPosition = sub.IndexOf(expSep, prefix.Length, StringComparison.Ordinal);
            if (exponentPosition == -1 || exponentPosition > sub.Length - suffix.Length)
            {
                mantissa = activePart;
                exponent = null;
            }
            else
            {
                mantissa = activePart[..Math.Min(exponentPosition, activePart.Length)];
                exponent = exponentPosition + 1 <= activePart.Length ? activePart[(exponentPosition + 1)..] : string.Empty;
            }

            string integer;
            string fractional;
            var decimalPosition = mantissa.IndexOf(decimalSep, StringComparison.Ordinal);
            if (decimalPosition == -1)
            {
                integer = mantissa;
                fractional = suffix;
            }
            else
            {
                integer = mantissa[..decimalPosition];
                fractional = mantissa[(decimalPosition + 1)..];
            }

            return new Parts(prefix, suffix, activePart, mantissa, exponent, integer, fractional, sub);
        }

        void Validate(Parts parts)
        {
            string? error = null;
            var sub = parts.SubPicture;
            var decimalPos = sub.IndexOf(decimalSep, StringComparison.Ordinal);
            if (decimalPos != sub.LastIndexOf(decimalSep, StringComparison.Ordinal))
            {
                error = "D3081";
            }

            if (sub.IndexOf(percent, StringComparison.Ordinal) != sub.LastIndexOf(percent, StringComparison.Ordinal))
            {
                error = "D3082";
            }

            if (sub.IndexOf(perMille, StringComparison.Ordinal) != sub.LastIndexOf(perMille, StringComparison.Ordinal))
            {
                error = "D3083";
            }

            if (sub.Contains(percent, StringComparison.Ordinal) && sub.Contains(perMille, StringComparison.Ordinal))
            {
                error = "D3084";
            }

            var valid = parts.MantissaPart.Any(ch => IsDigit(ch) || ch.ToString() == digit);
            if (!valid)
            {
                error = "D3085";
            }

            if (parts.ActivePart.Any(ch => !IsActive(ch)))
            {
                error = "D3086";
            }

            if (decimalPos != -1)
            {
                if ((decimalPos > 0 && sub[decimalPos - 1].ToString() == groupSep) || (decimalPos + 1 < sub.Length && sub[decimalPos + 1].ToString() == groupSep))
                {
                    error = "D3087";
                }
            }
            else if (parts.IntegerPart.Length > 0 && parts.IntegerPart[^1].ToString() == groupSep)
            {
                error = "D3088";
            }

            if (sub.Contains(groupSep + groupSep, StringComparison.Ordinal))
            {
                error = "D3089";
            }

            var optionalPos = parts.IntegerPart.IndexOf(digit, StringComparison.Ordinal);
            if (optionalPos != -1 && parts.IntegerPart[..optionalPos].Any(IsDigit))
            {
                error = "D3090";
            }

            optionalPos = parts.FractionalPart.LastIndexOf(digit, StringComparison.Ordinal);
            if (optionalPos != -1 && parts.FractionalPart[optionalPos..].Any(IsDigit))
            {
                error = "D3091";
            }

            var exponentExists = parts.ExponentPart is not null;
            if (exponentExists && parts.ExponentPart!.Length > 0 && (sub.Contains(percent, StringComparison.Ordinal) || sub.Contains(perMille, StringComparison.Ordinal)))
            {
                error = "D3092";
            }

            if (exponentExists && (parts.ExponentPart!.Length == 0 || parts.ExponentPart.Any(ch => !IsDigit(ch))))
            {
                error = "D3093";
            }

            if (error is not null)
            {
                throw JsonataException.Create(error);
            }
        }

        Variables Analyse(Parts parts)
        {
            List<int> GroupingPositions(string part, bool toLeft)
            {
                var positions = new List<int>();
                var groupingPosition = part.IndexOf(groupSep, StringComparison.Ordinal);
                while (groupingPosition != -1)
                {
                    var segment = toLeft ? part[..groupingPosition] : part[groupingPosition..];
                    positions.Add(segment.Count(ch => IsDigit(ch) || ch.ToString() == digit));
                    groupingPosition = part.IndexOf(groupSep, groupingPosition + 1, StringComparison.Ordinal);
                }

                return positions;
            }

            var integerPositions = GroupingPositions(parts.IntegerPart, false);
            var regular = 0;
            if (integerPositions.Count > 0)
            {
                static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
                var factor = integerPositions.Aggregate(Gcd);
                regular = factor;
                for (var index = 1; index <= integerPositions.Count; index++)
                {
                    if (!integerPositions.Contains(index * factor))
                    {
                        regular = 0;
                        break;
                    }
                }
            }

            var fractionalPositions = GroupingPositions(parts.FractionalPart, true);
            var minInt = parts.IntegerPart.Count(IsDigit);
            var scaling = minInt;
            var minFrac = parts.FractionalPart.Count(IsDigit);
            var maxFrac = parts.FractionalPart.Count(ch => IsDigit(ch) || ch.ToString() == digit);
            var exponentPresent = parts.ExponentPart is not null;
            if (minInt == 0 && maxFrac == 0)
            {
                if (exponentPresent)
                {
                    minFrac = 1;
                    maxFrac = 1;
                }
                else
                {
                    minInt = 1;
                }
            }

            if (exponentPresent && minInt == 0 && parts.IntegerPart.Contains(digit, StringComparison.Ordinal))
            {
                minInt = 1;
            }

            if (minInt == 0 && minFrac == 0)
            {
                minFrac = 1;
            }

            var minExp = exponentPresent ? parts.ExponentPart!.Count(IsDigit) : 0;
            return new Variables
            {
                IntegerGroupingPositions = integerPositions,
                RegularGrouping = regular,
                MinimumIntegerPartSize = minInt,
                ScalingFactor = scaling,
                Prefix = parts.Prefix,
                FractionalGroupingPositions = fractionalPositions,
                MinimumFractionalPartSize = minFrac,
                MaximumFractionalPartSize = maxFrac,
                MinimumExponentSize = minExp,
                Suffix = parts.Suffix,
                Picture = parts.SubPicture,
            };
        }

        var allParts = subPictures.Select(Split).ToList();
        allParts.ForEach(Validate);
        var variables = allParts.Select(Analyse).ToList();
        var minus = props["minus-sign"];
        if (variables.Count == 1)
        {
            var neg = variables[0].Copy();
            neg.Prefix = minus + neg.Prefix;
            variables.Add(neg);
        }

        var pic = value >= 0 ? variables[0] : variables[1];
        double adjusted;
        if (pic.Picture.Contains(percent, StringComparison.Ordinal))
        {
            adjusted = value * 100;
        }
        else if (pic.Picture.Contains(perMille, StringComparison.Ordinal))
        {
            adjusted = value * 1000;
        }
        else
        {
            adjusted = value;
        }

        double mantissaValue;
        int? exponentValue = null;
        if (pic.MinimumExponentSize == 0)
        {
            mantissaValue = adjusted;
        }
        else
        {
            var maxMantissa = Math.Pow(10, pic.ScalingFactor);
            var minMantissa = Math.Pow(10, pic.ScalingFactor - 1);
            mantissaValue = adjusted;
            var exp = 0;
            // XPath F&O 4.7.5 bullet 5: for zero, mantissa and exponent are zero; compare magnitudes
            // so negative numbers terminate too.
            if (mantissaValue != 0 && !double.IsNaN(mantissaValue) && !double.IsInfinity(mantissaValue))
            {
                while (Math.Abs(mantissaValue) < minMantissa)
                {
                    mantissaValue *= 10;
                    exp -= 1;
                }

                while (Math.Abs(mantissaValue) > maxMantissa)
                {
                    mantissaValue /= 10;
                    exp += 1;
                }
            }

            exponentValue = exp;
        }

        var rounded = Builtins.RoundTo(mantissaValue, pic.MaximumFractionalPartSize);
        string MakeString(double v, int dp)
        {
            var str = Math.Abs(v).ToString("F" + dp.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (zero != '0')
            {
                var sb = new StringBuilder();
                foreach (var ch in str)
                {
                    sb.Append(ch is >= '0' and <= '9' ? family[ch - '0'] : ch.ToString());
                }

                str = sb.ToString();
            }

            return str;
        }

        var zeroDigit = zero.ToString();
        var stringValue = MakeString(rounded, pic.MaximumFractionalPartSize);
        var dot = stringValue.IndexOf('.', StringComparison.Ordinal);
        stringValue = dot == -1 ? stringValue + decimalSep : stringValue[..dot] + decimalSep + stringValue[(dot + 1)..];
        while (stringValue.StartsWith(zeroDigit, StringComparison.Ordinal))
        {
            stringValue = stringValue[1..];
        }

        while (stringValue.EndsWith(zeroDigit, StringComparison.Ordinal))
        {
            stringValue = stringValue[..^1];
        }

        var decimalPos = stringValue.IndexOf(decimalSep, StringComparison.Ordinal);
        var padLeft = pic.MinimumIntegerPartSize - decimalPos;
        var padRight = pic.MinimumFractionalPartSize - (stringValue.Length - decimalPos - 1);
        stringValue = (padLeft > 0 ? string.Concat(Enumerable.Repeat(zeroDigit, padLeft)) : string.Empty) + stringValue;
        stringValue += padRight > 0 ? string.Concat(Enumerable.Repeat(zeroDigit, padRight)) : string.Empty;
        decimalPos = stringValue.IndexOf(decimalSep, StringComparison.Ordinal);
        if (pic.RegularGrouping > 0)
        {
            var groupCount = (decimalPos - 1) / pic.RegularGrouping;
            for (var group = 1; group <= groupCount; group++)
            {
                var at = decimalPos - (group * pic.RegularGrouping);
                stringValue = stringValue[..at] + groupSep + stringValue[at..];
            }
        }
        else
        {
            foreach (var pos in pic.IntegerGroupingPositions)
            {
                var at = decimalPos - pos;
                if (at >= 0)
                {
                    stringValue = stringValue[..at] + groupSep + stringValue[at..];
                    decimalPos++;
                }
            }
        }

        decimalPos = stringValue.IndexOf(decimalSep, StringComparison.Ordinal);
        foreach (var pos in pic.FractionalGroupingPositions)
        {
            var at = pos + decimalPos + 1;
            if (at <= stringValue.Length)
            {
                stringValue = stringValue[..at] + groupSep + stringValue[at..];
            }
        }

        decimalPos = stringValue.IndexOf(decimalSep, StringComparison.Ordinal);
        if (pic.MinimumFractionalPartSize == 0 && decimalPos == stringValue.Length - 1)
        {
            stringValue = stringValue[..^1];
        }

        if (exponentValue is { } e)
        {
            var stringExponent = MakeString(e, 0);
            var pad = pic.MinimumExponentSize - stringExponent.Length;
            if (pad > 0)
            {
                stringExponent = string.Concat(Enumerable.Repeat(zeroDigit, pad)) + stringExponent;
            }

            stringValue = stringValue + expSep + (e < 0 ? minus : string.Empty) + stringExponent;
        }

        return pic.Prefix + stringValue + pic.Suffix;
    }
}
