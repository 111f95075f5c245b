using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks;

/// <summary>Writes JSON text the way the Lambda runtimes do, so error causes match what AWS records byte for byte.</summary>
internal static class JsonText
{
    /// <summary>A string quoted as JavaScript's <c>JSON.stringify</c> quotes it (ECMA-262 QuoteJSONString): only
    /// quote, backslash, control characters and lone surrogates are escaped.</summary>
    public static void AppendJsString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(value, i))
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            sb.Append(value[++i]);
                        }
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>A string quoted as Python's <c>json.dumps</c> quotes it with its default <c>ensure_ascii=True</c>.</summary>
    public static void AppendPyString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>The Node.js runtime's error document: <c>{"errorType":..,"errorMessage":..,"trace":[..]}</c>, compact.</summary>
    public static string NodeError(string errorType, string errorMessage, IReadOnlyList<string> trace)
    {
        if (TryWritePlainNodeError(errorType, errorMessage, trace) is { } plain)
        {
            return plain;
        }

        // Sized for the usual document (nothing to escape), so the builder does not grow while writing it.
        var capacity = 48 + errorType.Length + errorMessage.Length;
        for (var i = 0; i < trace.Count; i++)
        {
            capacity += trace[i].Length + 3;
        }

        var sb = new StringBuilder(capacity);
        sb.Append("{\"errorType\":");
        AppendJsString(sb, errorType);
        sb.Append(",\"errorMessage\":");
        AppendJsString(sb, errorMessage);
        sb.Append(",\"trace\":[");
        var first = true;
        foreach (var line in trace)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            AppendJsString(sb, line);
        }

        sb.Append("]}");
        return sb.ToString();
    }

    /// <summary>The Python runtime's error document, as <c>json.dumps</c> writes it (<c>", "</c> and <c>": "</c> separators):
    /// <c>{"errorMessage": .., "errorType": .., "requestId": .., "stackTrace": [..]}</c>.</summary>
    public static string PythonError(string errorType, string errorMessage, string requestId, IEnumerable<string> stackTrace)
    {
        var sb = new StringBuilder(160);
        sb.Append("{\"errorMessage\": ");
        AppendPyString(sb, errorMessage);
        sb.Append(", \"errorType\": ");
        AppendPyString(sb, errorType);
        sb.Append(", \"requestId\": ");
        AppendPyString(sb, requestId);
        sb.Append(", \"stackTrace\": [");
        var first = true;
        foreach (var line in stackTrace)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            AppendPyString(sb, line);
        }

        sb.Append("]}");
        return sb.ToString();
    }

    /// <summary>Reads <c>errorType</c> from a Lambda error document, or null when the body has none (AWS then reports
    /// <see cref="LambdaErrorNames.Unknown"/>).</summary>
    public static string? ReadErrorType(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["errorType"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsLoneSurrogate(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }

        return char.IsLowSurrogate(c);
    }

    private static void AppendUnicodeEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    private const string ErrorTypeOpen = "{\"errorType\":\"";
    private const string ErrorMessageOpen = "\",\"errorMessage\":\"";
    private const string TraceOpen = "\",\"trace\":[";

    /// <summary>The error document written straight into its string when nothing in it needs escaping (the usual
    /// case: one allocation, no builder); null otherwise.</summary>
    private static string? TryWritePlainNodeError(string errorType, string errorMessage, IReadOnlyList<string> trace)
    {
        if (NeedsEscape(errorType) || NeedsEscape(errorMessage))
        {
            return null;
        }

        var length = ErrorTypeOpen.Length + errorType.Length + ErrorMessageOpen.Length + errorMessage.Length + TraceOpen.Length + 2;
        for (var i = 0; i < trace.Count; i++)
        {
            if (NeedsEscape(trace[i]))
            {
                return null;
            }

            length += trace[i].Length + (i == 0 ? 2 : 3);
        }

        return string.Create(length, (errorType, errorMessage, trace), static (span, state) =>
        {
            var at = Put(span, 0, ErrorTypeOpen);
            at = Put(span, at, state.errorType);
            at = Put(span, at, ErrorMessageOpen);
            at = Put(span, at, state.errorMessage);
            at = Put(span, at, TraceOpen);
            for (var i = 0; i < state.trace.Count; i++)
            {
                at = Put(span, at, i == 0 ? "\"" : ",\"");
                at = Put(span, at, state.trace[i]);
                span[at++] = '"';
            }

            Put(span, at, "]}");
        });
    }

    private static int Put(Span<char> span, int at, string text)
    {
        text.CopyTo(span[at..]);
        return at + text.Length;
    }

    // What AppendJsString would change: quote, backslash, control characters; any surrogate sends the text to the
    // general writer, which tells pairs from lone ones.
    private static bool NeedsEscape(string text)
    {
        var span = text.AsSpan();
        return span.IndexOfAnyInRange('\0', '\u001f') >= 0 || span.IndexOfAny('"', '\\') >= 0 || span.IndexOfAnyInRange('\ud800', '\udfff') >= 0;
    }
}
