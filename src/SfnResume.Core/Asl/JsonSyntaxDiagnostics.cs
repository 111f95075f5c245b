using System.Globalization;
using System.Text.Json;

namespace SfnResume.Core.Asl;

/// <summary>
/// Turns a JSON syntax error into an <c>INVALID_JSON_DESCRIPTION</c> diagnostic worded as AWS words it
/// (AWS reports the Jackson parser's message and a <c>[Source: ...; line: L, column: C]</c> location).
/// </summary>
internal static class JsonSyntaxDiagnostics
{
    private const int SourceLimit = 500;

    public static AslDiagnostic FromException(string json, JsonException ex)
    {
        // System.Text.Json counts lines and bytes from 0; Jackson counts lines and columns from 1.
        var line = (int)(ex.LineNumber ?? 0);
        var byteInLine = (int)(ex.BytePositionInLine ?? 0);
        var lineStart = LineStart(json, line);
        var offset = Math.Min(json.Length, lineStart + CharsForBytes(json, lineStart, byteInLine));
        var source = SourceText(json);

        string message;
        int column;
        // The reader stops inside a bad literal ("nox" fails at 'o'); Jackson names the whole token.
        while (offset > lineStart && offset <= json.Length && IsTokenPart(json[offset - 1]) && (offset == json.Length || IsTokenPart(json[offset])))
        {
            offset--;
        }

        if (offset < json.Length && IsTokenStart(json[offset]))
        {
            var end = offset;
            while (end < json.Length && (char.IsLetterOrDigit(json[end]) || json[end] is '_' or '$'))
            {
                end++;
            }

            var token = json[offset..end];
            column = end - lineStart + 1;
            message = $"Unrecognized token '{token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
        }
        else
        {
            column = offset - lineStart + 1;
            message = FirstSentence(ex.Message);
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"[Source: (String)\"{source}\"; line: {line + 1}, column: {column}]");
        return new AslDiagnostic(AslDiagnosticCodes.InvalidJsonDescription, message + "\n at " + location, location);
    }

    private static bool IsTokenStart(char c) => char.IsLetter(c) || c is '_' or '$';

    private static bool IsTokenPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static string SourceText(string json) =>
        json.Length <= SourceLimit
            ? json
            : string.Create(CultureInfo.InvariantCulture, $"{json[..SourceLimit]}\"[truncated {json.Length - SourceLimit} chars]");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static int LineStart(string json, int line)
    {
        var index = 0;
        for (var i = 0; i < line; i++)
        {
            var nl = json.IndexOf('\n', index);
            if (nl < 0)
            {
                return index;
            }

            index = nl + 1;
        }

        return index;
    }

    private static int CharsForBytes(string json, int start, int bytes)
    {
        var chars = 0;
        var counted = 0;
        while (start + chars < json.Length && counted < bytes)
        {
            var c = json[start + chars];
            counted += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
            chars++;
        }

        return chars;
    }
}
