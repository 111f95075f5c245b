using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Writes a node as compact JSON text the way AWS records computed values: no whitespace, non-ASCII characters and
/// <c>&lt; &gt; &amp; '</c> as they are, only quotes, backslashes and control characters escaped, numbers with the
/// text they were read with. A hand-written walk: the serializer with a relaxed encoder is several times slower,
/// and every state writes its output once.
/// </summary>
internal static class CompactJson
{
    private static readonly Type s_intValue = JsonValue.Create(0).GetType();
    private static readonly Type s_stringValue = JsonValue.Create("").GetType();

    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Write(JsonNode? node)
    {
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        Append(builder, node);
        var text = builder.ToString();
        if (builder.Capacity <= 64 * 1024)
        {
            t_builder = builder;
        }

        return text;
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                return;
            case JsonObject obj:
                // By index: enumerating a JsonObject boxes its enumerator, one allocation per object written.
                builder.Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    var member = obj.GetAt(i);
                    AppendString(builder, member.Key);
                    builder.Append(':');
                    Append(builder, member.Value);
                }

                builder.Append('}');
                return;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Append(builder, array[i]);
                }

                builder.Append(']');
                return;
            case JsonValue value:
                AppendValue(builder, value);
                return;
        }
    }

    private static void AppendValue(StringBuilder builder, JsonValue value)
    {
        // The usual computed values (an int from States.MathAdd, a string) are told by their node type: each
        // TryGetValue below is a generic virtual call, and a CLR string would otherwise be asked four times.
        var type = value.GetType();
        if (type == s_intValue)
        {
            AppendInteger(builder, value.GetValue<int>());
            return;
        }

        if (type == s_stringValue)
        {
            AppendString(builder, value.GetValue<string>());
            return;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            AppendElement(builder, element);
            return;
        }

        // Value types first: asking a CLR-backed int for a string (a reference type) boxes the int to test it.
        if (value.TryGetValue(out int i))
        {
            AppendInteger(builder, i);
        }
        else if (value.TryGetValue(out long l))
        {
            AppendInteger(builder, l);
        }
        else if (value.TryGetValue(out bool b))
        {
            builder.Append(b ? "true" : "false");
        }
        else if (value.TryGetValue(out string? s))
        {
            AppendString(builder, s);
        }
        else
        {
            // Other CLR-backed values (double, decimal, ...): the serializer's own number format.
            builder.Append(value.ToJsonString());
        }
    }

    private static void AppendElement(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                // A string read from text with no escape and only ASCII is written as it was read (quotes included):
                // the same characters GetString and AppendString would give, without a string per value.
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw))
                {
                    AppendAscii(builder, raw);
                    return;
                }

                AppendString(builder, element.GetString()!);
                return;
            case JsonValueKind.Number:
                // Number text is ASCII; written as read.
                AppendAscii(builder, JsonMarshal.GetRawUtf8Value(element));
                return;
            case JsonValueKind.True:
                builder.Append("true");
                return;
            case JsonValueKind.False:
                builder.Append("false");
                return;
            case JsonValueKind.Null:
                builder.Append("null");
                return;
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendString(builder, property.Name);
                    builder.Append(':');
                    AppendElement(builder, property.Value);
                }

                builder.Append('}');
                return;
            default:
                builder.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        builder.Append(',');
                    }

                    AppendElement(builder, item);
                }

                builder.Append(']');
                return;
        }
    }

    /// <summary>An integer in invariant digits, formatted in place (no string per number).</summary>
    private static void AppendInteger(StringBuilder builder, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        builder.Append(digits[..written]);
    }

    private static void AppendAscii(StringBuilder builder, ReadOnlySpan<byte> ascii)
    {
        Span<char> chars = stackalloc char[128];
        while (!ascii.IsEmpty)
        {
            var length = Math.Min(ascii.Length, chars.Length);
            Ascii.ToUtf16(ascii[..length], chars, out var written);
            builder.Append(chars[..written]);
            ascii = ascii[length..];
        }
    }

    private static void AppendString(StringBuilder builder, string s)
    {
        builder.Append('"');
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c >= 0x20 && c != '"' && c != '\\')
            {
                continue;
            }

            builder.Append(s, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        builder.Append(s, start, s.Length - start);
        builder.Append('"');
    }
}
