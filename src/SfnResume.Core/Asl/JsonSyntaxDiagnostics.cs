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

    private static readonly string[] s_positionMarkers = [" Path:", " LineNumber:"];

    public static AslDiagnostic FromException(string json, JsonException ex)
    {
        var source = SourceText(json);
        if (ex.LineNumber is null)
        {
            // Raised after reading (a duplicate property): there is no position to point at.
            return new AslDiagnostic(AslDiagnosticCodes.InvalidJsonDescription, FirstSentence(ex.Message), null);
        }

        // System.Text.Json counts lines and bytes from 0; Jackson counts lines and columns from 1.
        var line = (int)ex.LineNumber.Value;
        var byteInLine = (int)(ex.BytePositionInLine ?? 0);
        var lineStart = LineStart(json, line);
        var offset = Math.Min(json.Length, lineStart + CharsForBytes(json, lineStart, byteInLine));

        string message;
        int column;
        if (IsBadLiteral(ex.Message))
        {
            // The reader stops inside a bad literal ("not" fails at 'o'); Jackson names the whole token
            // and reports the column after it.
            while (offset > lineStart && IsTokenPart(json[offset - 1]))
            {
                offset--;
            }

            var end = offset;
            while (end < json.Length && IsTokenPart(json[end]))
            {
                end++;
            }

            column = end - lineStart + 1;
            message = $"Unrecognized token '{json[offset..end]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
        }
        else
        {
            column = offset - lineStart + 1;
            message = FirstSentence(ex.Message);
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"[Source: (String)\"{source}\"; line: {line + 1}, column: {column}]");
        return new AslDiagnostic(AslDiagnosticCodes.InvalidJsonDescription, message + "\n at " + location, location);
    }

    /// <summary>A bare word where a value should be (<c>not</c>, <c>tru</c>), as opposed to bad punctuation or an open string.</summary>
    private static bool IsBadLiteral(string message) =>
        message.Contains("JSON literal", StringComparison.Ordinal)
        || (message.Contains("invalid start of a value", StringComparison.Ordinal) && message.Length > 1 && char.IsLetter(message[1]));

    private static bool IsTokenPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static string SourceText(string json) =>
        json.Length <= SourceLimit
            ? json
            : string.Create(CultureInfo.InvariantCulture, $"{json[..SourceLimit]}\"[truncated {json.Length - SourceLimit} chars]");

    /// <summary>The reader's message without its own position suffix (" Path: ..." / " LineNumber: ...").</summary>
    private static string FirstSentence(string message)
    {
        foreach (var marker in s_positionMarkers)
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
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
