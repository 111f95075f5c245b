using System.Text.Json.Nodes;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JsEngine = Jint.Engine;

namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>A JSON object handed to JavaScript that converts a field only when it is read by key, builds its properties
/// only when looked at as a whole, and remembers whether it was changed. A handler that passes its event through untouched (the identity function, or a handler
/// that reads one field) then costs no conversion: the original <see cref="JsonNode"/> is the result.</summary>
/// <remarks>Every way JavaScript reads or writes an ordinary object goes through these overrides (ECMA-262
/// [[GetOwnProperty]], [[Get]], [[Set]], [[DefineOwnProperty]], [[Delete]], [[OwnPropertyKeys]], [[HasProperty]]).
/// The source node is read when the object is first touched, so it must not change while the handler may hold it.</remarks>
internal sealed class LazyJsonObject : ObjectInstance
{
    private readonly JsJsonConverter _converter;
    private readonly ObjectInstance _prototype;
    private JsonObject? _pending;

    // Values read by key before the object is built (by the source's property index): a handler that reads a field or two
    // of its event never builds the rest. Building the object takes these, so a value read twice is the same value.
    private JsValue?[]? _read;

    public LazyJsonObject(JsEngine engine, JsonObject source, JsJsonConverter converter)
        : base(engine)
    {
        Source = source;
        _pending = source;
        _converter = converter;
        _prototype = engine.Intrinsics.Object.PrototypeObject;
    }

    public JsonObject Source { get; }

    /// <summary>True once a property was written, defined or deleted.</summary>
    public bool Changed { get; private set; }

    /// <summary>True when the object and everything reachable from it still stand for <see cref="Source"/>.</summary>
    public bool IsUnchanged(JsJsonConverter converter)
    {
        if (_pending is not null)
        {
            // Nothing written yet; what was read may have been changed through the reference the handler got.
            foreach (var value in _read ?? [])
            {
                if (value is not null && !converter.IsUnchanged(value))
                {
                    return false;
                }
            }

            return true;
        }

        if (Changed)
        {
            return false;
        }

        foreach (var key in base.GetOwnPropertyKeys(Types.String))
        {
            if (!converter.IsUnchanged(base.Get(key, this)))
            {
                return false;
            }
        }

        return true;
    }

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        Materialise();
        return base.GetOwnProperty(property);
    }

    public override JsValue Get(JsValue property, JsValue receiver)
    {
        // A key the source lacks is not an own property whether or not the object is built yet, so the lookup goes
        // straight to the prototype (ECMA-262 OrdinaryGet). Resolving a promise with the event reads "then" this way:
        // a handler that returns its event untouched then never builds it.
        if (_pending is { } source)
        {
            switch (property)
            {
                case JsString key when source.IndexOf(key.ToString()) is var index and >= 0:
                    // An own data property: [[Get]] gives its value whatever the receiver.
                    _read ??= new JsValue?[source.Count];
                    return _read[index] ??= _converter.ToJs(source.GetAt(index).Value);
                case JsString or JsSymbol:
                    return _prototype.Get(property, receiver);
            }
        }

        Materialise();
        return base.Get(property, receiver);
    }

    public override bool HasProperty(JsValue property)
    {
        Materialise();
        return base.HasProperty(property);
    }

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        Materialise();
        return base.GetOwnPropertyKeys(types);
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver)
    {
        Materialise();
        Changed = true;
        return base.Set(property, value, receiver);
    }

    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc)
    {
        Materialise();
        Changed = true;
        return base.DefineOwnProperty(property, desc);
    }

    public override bool Delete(JsValue property)
    {
        Materialise();
        Changed = true;
        return base.Delete(property);
    }

    protected override ObjectInstance? GetPrototypeOf() => _prototype;

    private void Materialise()
    {
        if (_pending is not { } source)
        {
            return;
        }

        _pending = null;
        var read = _read;
        _read = null;

        // By index: enumerating a JsonObject boxes its enumerator.
        for (var i = 0; i < source.Count; i++)
        {
            var (key, value) = source.GetAt(i);
            FastSetDataProperty(key, read?[i] ?? _converter.ToJs(value));
        }
    }
}
