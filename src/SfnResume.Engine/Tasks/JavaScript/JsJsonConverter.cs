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

    private static readonly JsString s_toJson = new("toJSON");

    private readonly JsEngine _engine = engine;

    // What each array handed to JavaScript was made from, to tell whether it still stands for its source.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsArray, ArraySnapshot> _arrays = [];

    public JsValue ToJs(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                return new LazyJsonObject(_engine, obj, this);

            case JsonArray array:
            {
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToJs(array[i]);
                }

                var result = new JsArray(_engine, items);
                _arrays.AddOrUpdate(result, new ArraySnapshot(array, (JsValue[])items.Clone()));
                return result;
            }

            default:
                return ValueToJs(node.AsValue());
        }
    }

    /// <summary>The JSON a value stands for, as <c>JSON.stringify</c> would write it; <c>undefined</c> becomes JSON null
    /// (the Node.js runtime sends <c>null</c> for an undefined result). An object or array made by <see cref="ToJs"/>
    /// and left unchanged gives back its source node (itself when it has no parent, else a copy), so numbers keep
    /// their text (<c>0.0</c> stays <c>0.0</c>).</summary>
    public JsonNode? FromJs(JsValue value) => FromJs(value, 0);

    /// <summary>Whether a value made by <see cref="ToJs"/> still stands for its source (primitives always do).</summary>
    public bool IsUnchanged(JsValue value) => value switch
    {
        LazyJsonObject lazy => lazy.IsUnchanged(this),
        JsArray array => SourceOf(array) is not null,
        Jint.Native.Object.ObjectInstance => false,
        _ => true,
    };

    private JsonArray? SourceOf(JsArray array)
    {
        if (!_arrays.TryGetValue(array, out var snapshot) || array.Length != (uint)snapshot.Items.Length)
        {
            return null;
        }

        for (var i = 0; i < snapshot.Items.Length; i++)
        {
            var now = array.Get((uint)i);
            var then = snapshot.Items[i];
            if (!(ReferenceEquals(now, then) || (now is not Jint.Native.Object.ObjectInstance && now.Equals(then))) || !IsUnchanged(now))
            {
                return null;
            }
        }

        return snapshot.Source;
    }

    /// <summary>The result for a handler that returned <paramref name="result"/> when called with <paramref name="eventJs"/>
    /// made from <paramref name="eventNode"/>: a primitive event returned as is keeps its JSON text.</summary>
    public JsonNode? ResultFor(JsValue result, JsValue eventJs, JsonNode? eventNode) =>
        eventNode is JsonValue && result is not Jint.Native.Object.ObjectInstance && result.Equals(eventJs)
            ? Reuse(eventNode)
            : FromJs(result);

    private static JsonNode Reuse(JsonNode source) => source.Parent is null ? source : source.DeepClone();

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

        if (value is LazyJsonObject lazy && lazy.IsUnchanged(this))
        {
            return Reuse(lazy.Source);
        }

        if (value is JsArray made && SourceOf(made) is { } arraySource)
        {
            return Reuse(arraySource);
        }

        if (depth < MaxDepth && value is Jint.Native.Object.ObjectInstance plain and (JsObject or LazyJsonObject) && plain.Get(s_toJson).IsUndefined())
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

        if (depth < MaxDepth && value is JsArray array && array.Get(s_toJson).IsUndefined())
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

    private sealed record ArraySnapshot(JsonArray Source, JsValue[] Items);
}
