using System.Text;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>RFC 6901 JSON pointers as used in diagnostic locations.</summary>
internal static class JsonPointer
{
    /// <summary>Appends one reference token, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return pointer + "/" + token;
        }

        return pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The location text AWS prints: <c>/</c> for the root.</summary>
    public static string Display(string pointer) => pointer.Length == 0 ? "/" : pointer;

    public static JsonNode? Resolve(JsonNode root, string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return root;
        }

        JsonNode? current = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = Unescape(raw);
            current = current switch
            {
                JsonObject o => o[token],
                JsonArray a when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static string Unescape(string token) =>
        token.Contains('~', StringComparison.Ordinal)
            ? new StringBuilder(token).Replace("~1", "/").Replace("~0", "~").ToString()
            : token;
}
