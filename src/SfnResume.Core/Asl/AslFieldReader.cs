using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Reads typed fields out of a definition's JSON objects, reporting wrongly typed values.</summary>
internal sealed class AslFieldReader
{
    public List<AslDiagnostic> Diagnostics { get; } = [];

    public void Report(string message, string pointer, string code = AslDiagnosticCodes.SchemaValidationFailed) =>
        Diagnostics.Add(new AslDiagnostic(code, message, AslLocation.Display(pointer)));

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public string? String(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (KindOf(node) == JsonValueKind.String)
        {
            return node!.GetValue<string>();
        }

        Report($"The value for the field '{field}' must be a STRING", AslLocation.Append(pointer, field));
        return null;
    }

    public bool? Boolean(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        switch (KindOf(node))
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                Report($"The value for the field '{field}' must be a BOOLEAN", AslLocation.Append(pointer, field));
                return null;
        }
    }

    public decimal? Number(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (TryNumber(node, out var value))
        {
            return value;
        }

        Report($"The value for the field '{field}' must be a NUMBER", AslLocation.Append(pointer, field));
        return null;
    }

    public static bool TryNumber(JsonNode? node, out decimal value)
    {
        value = 0;
        if (KindOf(node) != JsonValueKind.Number)
        {
            return false;
        }

        if (node!.AsValue().TryGetValue(out value))
        {
            return true;
        }

        // Values built in code (JsonValue.Create(5)) do not convert between numeric types: read their text.
        var text = node.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        // Out of decimal range (1e300, 1e400): keep the sign and a huge magnitude so range checks still fire.
        value = text.StartsWith('-') ? decimal.MinValue : decimal.MaxValue;
        return true;
    }

    public OptionalPath Path(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return OptionalPath.Absent;
        }

        switch (KindOf(node))
        {
            case JsonValueKind.Null:
                return OptionalPath.Null;
            case JsonValueKind.String:
                return OptionalPath.Of(node!.GetValue<string>());
            default:
                Report($"The value for the field '{field}' must be a STRING", AslLocation.Append(pointer, field));
                return OptionalPath.Absent;
        }
    }

    public JsonNode? Node(JsonObject obj, string field) => obj.TryGetPropertyValue(field, out var node) ? node : null;

    public JsonObject? Object(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonObject o)
        {
            return o;
        }

        Report($"The value for the field '{field}' must be an OBJECT", AslLocation.Append(pointer, field));
        return null;
    }

    public JsonArray? Array(JsonObject obj, string field, string pointer)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (node is JsonArray a)
        {
            return a;
        }

        Report($"The value for the field '{field}' must be an ARRAY", AslLocation.Append(pointer, field));
        return null;
    }

    public ImmutableArray<string> StringArray(JsonObject obj, string field, string pointer)
    {
        var array = Array(obj, field, pointer);
        if (array is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (KindOf(array[i]) == JsonValueKind.String)
            {
                builder.Add(array[i]!.GetValue<string>());
            }
            else
            {
                Report($"The value for the field '{field}' must be an array of STRING", AslLocation.Append(pointer, field, i));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Reads a field that may be a literal, a JSONata string (<c>{% %}</c>) when <paramref name="jsonata"/>,
    /// or given through <paramref name="pathField"/>. Returns null when none is present.
    /// </summary>
    public DynamicValue? Dynamic(JsonObject obj, string field, string? pathField, string pointer, bool jsonata)
    {
        DynamicValue? result = null;
        if (obj.TryGetPropertyValue(field, out var literal))
        {
            var text = KindOf(literal) == JsonValueKind.String ? literal!.GetValue<string>() : null;
            result = jsonata && JsonataText.Inner(text) is { } expression
                ? new DynamicValue { Expression = expression }
                : new DynamicValue { Literal = literal };
        }

        if (pathField is not null && String(obj, pathField, pointer) is { } path && result is null)
        {
            result = new DynamicValue { Path = path };
        }

        return result;
    }
}
