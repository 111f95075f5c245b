using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Expressions.Intrinsics;

/// <summary>States.Format, Base64Encode/Decode, Hash, StringSplit, UUID.</summary>
internal static class StringIntrinsics
{
    /// <summary>Base64 and Hash inputs are limited to 10,000 characters (AWS intrinsic functions page).</summary>
    private const int MaxInputLength = 10_000;

    public static JsonNode? Format(in IntrinsicCall call)
    {
        IReadOnlyList<string> pieces = call.Nodes[0] is StringArgument literal
            ? literal.Pieces
            : SplitTemplate(IntrinsicArgs.String(call, 0));
        var placeholders = pieces.Count - 1;
        var values = call.Values.Length - 1;
        if (placeholders != values)
        {
            throw call.Fail($"the template has {placeholders} placeholder(s) but {values} argument(s) were given");
        }

        var builder = new StringBuilder(pieces[0]);
        for (var i = 1; i < pieces.Count; i++)
        {
            AppendFormatted(builder, call.Values[i]);
            builder.Append(pieces[i]);
        }

        return JsonValue.Create(builder.ToString());
    }

    public static JsonNode? Base64Encode(in IntrinsicCall call)
    {
        var text = CheckedLength(call, IntrinsicArgs.String(call, 0));
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static JsonNode? Base64Decode(in IntrinsicCall call)
    {
        var text = CheckedLength(call, IntrinsicArgs.String(call, 0));
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw call.Fail("the argument is not valid base64: " + text);
        }
    }

    public static JsonNode? Hash(in IntrinsicCall call)
    {
        var data = call.Values[0] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : JsonNodes.ToCompactJson(call.Values[0]);
        CheckedLength(call, data);
        var algorithm = IntrinsicArgs.String(call, 1);
        var bytes = Encoding.UTF8.GetBytes(data);
        byte[] hash = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw call.Fail($"unsupported hash algorithm '{algorithm}'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"),
        };
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }

    /// <summary>Every character of the second argument is a separator; empty pieces are dropped (recorded AWS behaviour).</summary>
    public static JsonNode? StringSplit(in IntrinsicCall call)
    {
        var text = IntrinsicArgs.String(call, 0);
        var separators = IntrinsicArgs.String(call, 1).ToCharArray();
        var result = new JsonArray();
        foreach (var part in text.Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            result.Add(JsonValue.Create(part));
        }

        return result;
    }

    public static JsonNode? Uuid(in IntrinsicCall call) =>
        JsonValue.Create(call.Random.NewGuid().ToString("D", CultureInfo.InvariantCulture));

    private static string CheckedLength(in IntrinsicCall call, string text)
    {
        if (text.Length > MaxInputLength)
        {
            throw call.Fail($"the input is {text.Length} characters long; the limit is {MaxInputLength}");
        }

        return text;
    }

    private static List<string> SplitTemplate(string template)
    {
        var pieces = new List<string>();
        var start = 0;
        int at;
        while ((at = template.IndexOf("{}", start, StringComparison.Ordinal)) >= 0)
        {
            pieces.Add(template[start..at]);
            start = at + 2;
        }

        pieces.Add(template[start..]);
        return pieces;
    }

    /// <summary>
    /// AWS renders Format arguments as Java does: strings bare, numbers as written, objects as
    /// <c>{k=v, k2=v2}</c> and arrays as <c>[a, b]</c> (recorded: <c>{Arg1=1, Arg2=[]}</c>).
    /// </summary>
    private static void AppendFormatted(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var member in obj)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(member.Key).Append('=');
                    AppendFormatted(builder, member.Value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendFormatted(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        builder.Append(value.GetValue<string>());
                        break;
                    case JsonValueKind.Number:
                        builder.Append(JsonNodes.NumberText(value));
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    default:
                        builder.Append("null");
                        break;
                }

                break;
        }
    }
}
