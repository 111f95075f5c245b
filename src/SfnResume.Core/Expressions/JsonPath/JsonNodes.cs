using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// Small helpers over <see cref="JsonNode"/> shared by paths, payload templates and intrinsics.
/// JSON null is a null node throughout; "absent" is reported separately (a <c>bool</c> result).
/// </summary>
public static class JsonNodes
{
    /// <summary>Compact output as AWS writes it: no indentation, no HTML-safe escaping of quotes or non-ASCII.</summary>
    public static readonly JsonSerializerOptions CompactOptions = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Compact JSON text of a value; JSON null gives <c>null</c>.</summary>
    public static string ToCompactJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(CompactOptions);

    /// <summary>
    /// A node that may be placed into another tree. A node can have only one parent, so a borrowed node
    /// (one that belongs to some document) is deep-cloned; an owned node is returned as is.
    /// </summary>
    public static JsonNode? Detach(JsonNode? node, bool owned) => owned || node is null ? node : Clone(node);

    /// <summary>
    /// Deep clone of a possibly-null node. Strings, booleans and integers become primitive-backed values,
    /// which is much cheaper than <see cref="JsonNode.DeepClone"/> on values read from parsed text (that
    /// copies the underlying document); other numbers keep their exact text.
    /// </summary>
    public static JsonNode? Clone(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                // By index: enumerating a JsonObject boxes its enumerator.
                var copy = new JsonObject();
                for (var i = 0; i < obj.Count; i++)
                {
                    var member = obj.GetAt(i);
                    copy.Add(member.Key, Clone(member.Value));
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    items.Add(Clone(array[i]));
                }

                return items;
            default:
                var value = (JsonValue)node;
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return JsonValue.Create(value.GetValue<string>());
                    case JsonValueKind.True:
                        return JsonValue.Create(true);
                    case JsonValueKind.False:
                        return JsonValue.Create(false);
                    case JsonValueKind.Number when value.TryGetValue(out long l) && l != 0:
                        // A non-zero integer read as a long prints back as the same text ("-0" and "0.0" keep theirs).
                        return JsonValue.Create(l);
                    default:
                        return value.DeepClone();
                }
        }
    }

    /// <summary>Structural equality (numbers compare by value, object member order ignored).</summary>
    public static bool DeepEquals(JsonNode? left, JsonNode? right)
    {
        if (left is JsonValue lv && right is JsonValue rv
            && lv.GetValueKind() == JsonValueKind.Number && rv.GetValueKind() == JsonValueKind.Number)
        {
            return CompareNumbers(lv, rv) == 0;
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>The JSON kind of a node; null gives <see cref="JsonValueKind.Null"/>.</summary>
    public static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>True for a string value; returns the string.</summary>
    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>True for a number value; returns it as a double.</summary>
    public static bool TryGetDouble(JsonNode? node, out double value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            value = ToDouble(v);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>True for a number value that is an integer fitting in a long.</summary>
    public static bool TryGetInt64(JsonNode? node, out long value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (v.TryGetValue(out long l))
            {
                value = l;
                return true;
            }

            if (v.TryGetValue(out JsonElement e) && e.TryGetInt64(out l))
            {
                value = l;
                return true;
            }

            var d = ToDouble(v);
            if (Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue)
            {
                value = (long)d;
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Compares two number values exactly when both are integers or decimals, else as doubles.</summary>
    public static int CompareNumbers(JsonValue left, JsonValue right)
    {
        if (TryGetInt64(left, out var l) && TryGetInt64(right, out var r))
        {
            return l.CompareTo(r);
        }

        if (TryGetDecimal(left, out var ld) && TryGetDecimal(right, out var rd))
        {
            return ld.CompareTo(rd);
        }

        return ToDouble(left).CompareTo(ToDouble(right));
    }

    /// <summary>Number text as written in the source document (or as .NET formats a created value).</summary>
    public static string NumberText(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement e))
        {
            return e.GetRawText();
        }

        return value.ToJsonString(CompactOptions);
    }

    private static bool TryGetDecimal(JsonValue value, out decimal result)
    {
        if (value.TryGetValue(out JsonElement e))
        {
            return e.TryGetDecimal(out result);
        }

        if (value.TryGetValue(out result))
        {
            return true;
        }

        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    private static double ToDouble(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement e))
        {
            return e.GetDouble();
        }

        if (value.TryGetValue(out double d))
        {
            return d;
        }

        return double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
