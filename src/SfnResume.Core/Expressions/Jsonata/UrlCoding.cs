using System.Text;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>encodeURI / encodeURIComponent / decodeURI / decodeURIComponent (ECMA-262 section 19.2.6).</summary>
internal static class UrlCoding
{
    private const string ComponentUnescaped = "-_.!~*'()";
    private const string UriReserved = ";/?:@&=+$,#";

    public static string Encode(string s, bool component, CallContext c)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (char.IsAsciiLetterOrDigit(ch) || ComponentUnescaped.Contains(ch, StringComparison.Ordinal) || (!component && UriReserved.Contains(ch, StringComparison.Ordinal)))
            {
                sb.Append(ch);
                continue;
            }

            int cp;
            if (char.IsHighSurrogate(ch))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw Malformed(c, s);
                }

                cp = char.ConvertToUtf32(ch, s[i + 1]);
                i++;
            }
            else if (char.IsLowSurrogate(ch))
            {
                throw Malformed(c, s);
            }
            else
            {
                cp = ch;
            }

            foreach (var b in Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp)))
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public static string Decode(string s, bool component, CallContext c)
    {
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%')
            {
                sb.Append(s[i]);
                continue;
            }

            bytes.Clear();
            var start = i;
            while (i < s.Length && s[i] == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                {
                    throw Malformed(c, s);
                }

                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 3;
                if (bytes[0] < 0x80)
                {
                    break;
                }

                var expected = bytes[0] >= 0xF0 ? 4 : bytes[0] >= 0xE0 ? 3 : bytes[0] >= 0xC0 ? 2 : 0;
                if (expected == 0)
                {
                    throw Malformed(c, s);
                }

                if (bytes.Count == expected)
                {
                    break;
                }
            }

            i--;
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(bytes.ToArray());
            }
            catch (DecoderFallbackException)
            {
                throw Malformed(c, s);
            }

            if (!component && decoded.Length == 1 && UriReserved.Contains(decoded[0], StringComparison.Ordinal))
            {
                sb.Append(s, start, i - start + 1);
            }
            else
            {
                sb.Append(decoded);
            }
        }

        return sb.ToString();
    }

    private static JsonataException Malformed(CallContext c, string value) =>
        JsonataException.Create("D3140", c.Position, c.Token, value, extra: new Dictionary<string, object?> { ["functionName"] = c.Token });
}
