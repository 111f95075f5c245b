using Jint.Native;
using Jint.Native.Object;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>The Node.js runtime's error document for a thrown error: <c>{"errorType":..,"errorMessage":..,"trace":[..]}</c>,
/// trace = the stack's lines without empty ones and the runtime's own frames, headed like Node's stack.</summary>
public sealed partial class JavaScriptLambdaHandler
{
    // Lines of a stack written in one pass; a deeper stack (or text that needs escaping) takes the general writer.
    private const int MaxDirectTraceLines = 32;

    private const string RuntimeFile = "lambda-runtime.js";
    private const string FramePrefix = "    at ";

    /// <summary>The document for an error with string name, message and stack.</summary>
    private static string ErrorDocument(ObjectInstance error, string name, string message, string stack) =>
        TryWriteErrorDocument(error, name, message, stack)
        ?? JsonText.NodeError(name, message, TraceOf(error, name, message, stack));

    /// <summary>
    /// The usual case written straight into its string: nothing to escape, a shallow stack. The trace lines stay spans of
    /// the stack text (no line strings, no list), which matters when a handler throws on most calls.
    /// </summary>
    private static string? TryWriteErrorDocument(ObjectInstance error, string name, string message, string stack)
    {
        if (NeedsEscape(name) || NeedsEscape(message))
        {
            return null;
        }

        Span<int> starts = stackalloc int[MaxDirectTraceLines];
        Span<int> lengths = stackalloc int[MaxDirectTraceLines];
        var count = 0;
        var at = 0;
        while (at < stack.Length)
        {
            var end = stack.IndexOf('\n', at);
            if (end < 0)
            {
                end = stack.Length;
            }

            var line = stack.AsSpan(at, end - at);
            if (line.Length > 0 && !line.Contains(RuntimeFile, StringComparison.Ordinal))
            {
                if (count == MaxDirectTraceLines || NeedsEscape(line))
                {
                    return null;
                }

                starts[count] = at;
                lengths[count] = line.Length;
                count++;
            }

            at = end + 1;
        }

        // Jint's stack has frames only: like Node's it gets a header, written from the error's prototype.
        var headed = count == 0 || stack.AsSpan(starts[0], lengths[0]).StartsWith(FramePrefix, StringComparison.Ordinal);
        var headerName = headed ? HeaderName(error, name) : "";
        if (NeedsEscape(headerName))
        {
            return null;
        }

        const string TypeOpen = "{\"errorType\":\"";
        const string MessageOpen = "\",\"errorMessage\":\"";
        const string TraceOpen = "\",\"trace\":[";
        var length = TypeOpen.Length + name.Length + MessageOpen.Length + message.Length + TraceOpen.Length + 2;
        var lines = count;
        if (headed)
        {
            length += headerName.Length + (message.Length > 0 ? 2 + message.Length : 0) + 2;
            lines++;
        }

        for (var i = 0; i < count; i++)
        {
            length += lengths[i] + 2;
        }

        length += Math.Max(0, lines - 1);

        var buffer = length <= 1024 ? stackalloc char[length] : new char[length];
        var w = 0;
        Put(buffer, ref w, TypeOpen);
        Put(buffer, ref w, name);
        Put(buffer, ref w, MessageOpen);
        Put(buffer, ref w, message);
        Put(buffer, ref w, TraceOpen);
        if (headed)
        {
            buffer[w++] = '"';
            Put(buffer, ref w, headerName);
            if (message.Length > 0)
            {
                Put(buffer, ref w, ": ");
                Put(buffer, ref w, message);
            }

            buffer[w++] = '"';
        }

        for (var i = 0; i < count; i++)
        {
            if (headed || i > 0)
            {
                buffer[w++] = ',';
            }

            buffer[w++] = '"';
            Put(buffer, ref w, stack.AsSpan(starts[i], lengths[i]));
            buffer[w++] = '"';
        }

        Put(buffer, ref w, "]}");
        return new string(buffer[..w]);
    }

    /// <summary>
    /// The stack's lines without empty ones and the runtime's frames. Jint's stack has frames only, so like Node's it gets
    /// a header written from the error's prototype (<c>Error: message</c> even for an error renamed after it was made).
    /// </summary>
    private static List<string> TraceOf(ObjectInstance error, string name, string message, string stack)
    {
        // One pass over the stack text: no split array, and the header goes in first instead of being inserted.
        var lines = new List<string>(6);
        var start = 0;
        while (start < stack.Length)
        {
            var end = stack.IndexOf('\n', start);
            if (end < 0)
            {
                end = stack.Length;
            }

            var line = stack.AsSpan(start, end - start);
            if (line.Length > 0 && !line.Contains(RuntimeFile, StringComparison.Ordinal))
            {
                if (lines.Count == 0 && line.StartsWith(FramePrefix, StringComparison.Ordinal))
                {
                    lines.Add(Header(error, name, message));
                }

                lines.Add(line.ToString());
            }

            start = end + 1;
        }

        if (lines.Count == 0)
        {
            lines.Add(Header(error, name, message));
        }

        return lines;
    }

    private static string Header(ObjectInstance error, string name, string message)
    {
        var header = HeaderName(error, name);
        return message.Length > 0 ? header + ": " + message : header;
    }

    private static string HeaderName(ObjectInstance error, string name) =>
        error.Prototype?.Get(s_name) is JsString protoName ? protoName.ToString() : name;

    private static void Put(Span<char> buffer, ref int at, ReadOnlySpan<char> text)
    {
        text.CopyTo(buffer[at..]);
        at += text.Length;
    }

    // What JSON.stringify would escape: quote, backslash, control characters; any surrogate goes to the general writer,
    // which tells pairs from lone ones.
    private static bool NeedsEscape(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\0', '\u001f') >= 0 || text.IndexOfAny('"', '\\') >= 0 || text.IndexOfAnyInRange('\ud800', '\udfff') >= 0;
}
