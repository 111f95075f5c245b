using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>Moves JSON between <see cref="JsonNode"/> and Jint values without a text round trip, giving what
/// <c>JSON.parse</c> and <c>JSON.stringify</c> would give (the Lambda runtime uses both at its edges).</summary>
internal sealed class JsJsonConverter(JsEngine engine)
{
    private const int MaxDepth = 512;

    // 2^53: integral doubles below it are exact, so they are written as integers (JSON.stringify(3) is "3").
    private const double MaxExactInteger = 9007199254740992d;

    private readonly JsEngine _engine = engine;

    public JsValue ToJs(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
            {
                var target = new JsObject(_engine);
                foreach (var (key, value) in obj)
                {
                    // JSON.parse keeps the last of duplicate keys; JsonObject cannot hold duplicates anyway.
                    target.FastSetDataProperty(key, ToJs(value));
                }

                return target;
            }

            case JsonArray array:
            {
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToJs(array[i]);
                }

                return new JsArray(_engine, items);
            }

            default:
                return ValueToJs(node.AsValue());
        }
    }

    /// <summary>The JSON a value stands for, as <c>JSON.stringify</c> would write it; <c>undefined</c> becomes JSON null
    /// (the Node.js runtime sends <c>null</c> for an undefined result).</summary>
    public JsonNode? FromJs(JsValue value) => FromJs(value, 0);

    private static JsValue ValueToJs(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return JsString.Create(value.GetValue<string>());
            case JsonValueKind.Number:
                return JsNumber.Create(ReadDouble(value));
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }

    private static double ReadDouble(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            return element.GetDouble();
        }

        if (value.TryGetValue(out double d))
        {
            return d;
        }

        if (value.TryGetValue(out long l))
        {
            return l;
        }

        if (value.TryGetValue(out int i))
        {
            return i;
        }

        if (value.TryGetValue(out decimal m))
        {
            return (double)m;
        }

        // Any other CLR number: its JSON text is what JSON.parse would read.
        return JsonDocument.Parse(value.ToJsonString()).RootElement.GetDouble();
    }

    private JsonNode? FromJs(JsValue value, int depth)
    {
        switch (value.Type)
        {
            case Types.Null:
            case Types.Undefined:
                return null;
            case Types.Boolean:
                return JsonValue.Create(value.AsBoolean());
            case Types.Number:
                return NumberToJson(value.AsNumber());
            case Types.String:
                return JsonValue.Create(value.AsString());
        }

        if (depth < MaxDepth && value is JsObject plain && plain.Get("toJSON").IsUndefined())
        {
            var result = new JsonObject();
            foreach (var key in plain.GetOwnPropertyKeys(Types.String))
            {
                var descriptor = plain.GetOwnProperty(key);
                if (!descriptor.Enumerable)
                {
                    continue;
                }

                var item = plain.Get(key);
                if (IsSkippedInObject(item))
                {
                    continue;
                }

                result[key.AsString()] = FromJs(item, depth + 1);
            }

            return result;
        }

        if (depth < MaxDepth && value is JsArray array && array.Get("toJSON").IsUndefined())
        {
            var length = array.Length;
            var result = new JsonArray();
            for (uint i = 0; i < length; i++)
            {
                var item = array.Get(i);
                result.Add(IsSkippedInObject(item) ? null : FromJs(item, depth + 1));
            }

            return result;
        }

        // Dates, class instances with toJSON, boxed primitives, Maps, proxies, deep or cyclic graphs: let Jint's
        // JSON.stringify decide (it throws TypeError for cycles and BigInt, as Node does).
        var text = new Jint.Native.Json.JsonSerializer(_engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }

    // JSON.stringify leaves out undefined, functions and symbols in objects and writes null for them in arrays.
    private static bool IsSkippedInObject(JsValue item) =>
        item.IsUndefined() || item.IsSymbol() || item is Jint.Native.Function.Function;

    private static JsonNode? NumberToJson(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return null;
        }

        if (Math.Abs(d) < MaxExactInteger && Math.Floor(d) == d)
        {
            // -0 is written "0", as JSON.stringify writes it.
            return JsonValue.Create((long)d);
        }

        // JavaScript's Number::toString (shortest round trip, exponent only below 1e-6 or from 1e21) is the text
        // Node writes; JsonNode.Parse keeps that text.
        return JsonNode.Parse(TypeConverter.ToString(d));
    }
}
