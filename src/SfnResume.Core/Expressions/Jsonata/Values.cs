using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>The JSON <c>null</c> value. C# <c>null</c> stands for JSONata's <c>undefined</c>.</summary>
internal sealed class JNull
{
    public static readonly JNull Instance = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>
/// An array or a sequence. Sequences are the flattening result lists of the JSONata evaluator
/// (see "Sequences" in the JSONata docs); plain arrays come from the input or from array constructors.
/// </summary>
internal sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(int capacity)
        : base(capacity)
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    public bool Sequence { get; set; }

    public bool KeepSingleton { get; set; }

    public bool OuterWrapper { get; set; }

    public bool TupleStream { get; set; }

    /// <summary>Built by an array constructor: never flattened by a path step.</summary>
    public bool Cons { get; set; }

    public static JList NewSequence() => new() { Sequence = true };

    public static JList NewSequence(object? item)
    {
        // Like createSequence(x) in the reference evaluator: an undefined item is kept.
        var list = new JList { Sequence = true };
        list.Add(item);
        return list;
    }
}

/// <summary>
/// A JSON object. Objects that come from the input stay wrapped around their <see cref="JsonObject"/>
/// until something needs all their members, so a path that reads two fields converts two fields only.
/// Converted members are remembered in a slot per member (written once; two readers racing may both
/// convert a member and store equal values), so an input object bound once in a
/// <see cref="JsonataEnvironment"/> is converted once however often it is read.
/// Input objects are never modified by evaluation: transforms work on deep copies.
/// </summary>
internal sealed class JMap
{
    private readonly JsonObject? _node;
    private readonly KeyValuePair<string, JsonNode?>[]? _members;
    private PropertyMap? _map;

    // Converted members, two entries per member of the source: at 2i the key instance the member was first
    // asked for (the same expression asks with the same string every time, so a reference comparison finds
    // it), at 2i+1 the converted value. The value is written before the key, so a reader that finds the key
    // finds the value.
    private object?[]? _slots;

    public JMap(int capacity = 4)
    {
        _map = new PropertyMap(capacity);
    }

    public JMap(JsonObject node)
    {
        _node = node;
    }

    /// <summary>An object over members held apart (no <see cref="JsonObject"/> built), read lazily like an input object.</summary>
    public JMap(KeyValuePair<string, JsonNode?>[] members)
    {
        _members = members;
    }

    private PropertyMap Map => _map ??= Materialize();

    public int Count => _map?.Count ?? SourceCount;

    public IEnumerable<string> Keys => Map.Keys;

    public IEnumerable<KeyValuePair<string, object?>> Entries => Map.Entries;

    /// <summary>The untouched input object when nothing was converted yet (used for fast output).</summary>
    public JsonObject? Source => _node;

    private int SourceCount => _node?.Count ?? _members!.Length;

    public bool TryGet(string key, out object? value)
    {
        if (_map is not null)
        {
            return _map.TryGetValue(key, out value);
        }

        // a large object is searched by its own index instead of scanning the remembered keys
        var slots = Volatile.Read(ref _slots);
        if (slots is { Length: <= 32 })
        {
            for (var i = 0; i < slots.Length; i += 2)
            {
                if (ReferenceEquals(Volatile.Read(ref slots[i]), key))
                {
                    value = slots[i + 1];
                    return true;
                }
            }
        }

        var index = SourceIndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = ConvertedAt(index);
        slots = _slots!;
        if (slots[2 * index] is null)
        {
            Volatile.Write(ref slots[2 * index], key);
        }

        return true;
    }

    public object? Get(string key) => TryGet(key, out var v) ? v : null;

    public bool ContainsKey(string key) => _map is not null ? _map.ContainsKey(key) : SourceIndexOf(key) >= 0;

    public void Set(string key, object? value) => Map.Set(key, value);

    public void Remove(string key) => Map.Remove(key);

    private int SourceIndexOf(string key)
    {
        if (_node is not null)
        {
            // small objects (the usual case) are scanned: cheaper than hashing the key
            if (_node.Count > 8)
            {
                return _node.IndexOf(key);
            }

            for (var i = 0; i < _node.Count; i++)
            {
                var k = _node.GetAt(i).Key;
                if (ReferenceEquals(k, key) || string.Equals(k, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        var members = _members!;
        for (var i = 0; i < members.Length; i++)
        {
            if (ReferenceEquals(members[i].Key, key) || string.Equals(members[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private KeyValuePair<string, JsonNode?> SourceAt(int index) => _node is not null ? _node.GetAt(index) : _members![index];

    private object? ConvertedAt(int index)
    {
        var slots = Volatile.Read(ref _slots);
        if (slots is null)
        {
            Interlocked.CompareExchange(ref _slots, new object?[2 * SourceCount], null);
            slots = _slots;
        }

        // FromNode never returns null (JSON null is JNull), so null marks a member not converted yet
        var value = Volatile.Read(ref slots[(2 * index) + 1]);
        if (value is null)
        {
            value = Values.FromNode(SourceAt(index).Value);
            Volatile.Write(ref slots[(2 * index) + 1], value);
        }

        return value;
    }

    private PropertyMap Materialize()
    {
        var count = SourceCount;
        var map = new PropertyMap(count);
        for (var i = 0; i < count; i++)
        {
            map.Set(SourceAt(i).Key, ConvertedAt(i));
        }

        return map;
    }
}

/// <summary>Conversions between System.Text.Json nodes and evaluator values, and value helpers.</summary>
internal static class Values
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool b) => b ? True : False;

    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JNull.Instance;
            case JsonObject o:
                return new JMap(o);
            case JsonArray a:
                var list = new JList(a.Count);
                foreach (var item in a)
                {
                    list.Add(FromNode(item));
                }

                return list;
            default:
                var v = (JsonValue)node;
                switch (v.GetValueKind())
                {
                    case JsonValueKind.String:
                        // values created from CLR types (dates, enums, chars) are not strings underneath
                        return v.TryGetValue<string>(out var text) ? text : JsonNode.Parse(v.ToJsonString())!.GetValue<string>();
                    case JsonValueKind.Number:
                        if (v.TryGetValue<double>(out var d))
                        {
                            return d;
                        }

                        // nodes built from CLR integers (engine results, JsonValue.Create(long)) hold no double:
                        // read the integer rather than format and parse it
                        if (v.TryGetValue<long>(out var l))
                        {
                            return (double)l;
                        }

                        if (v.TryGetValue<int>(out var i))
                        {
                            return (double)i;
                        }

                        return double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                    case JsonValueKind.True:
                        return True;
                    case JsonValueKind.False:
                        return False;
                    case JsonValueKind.Null:
                        return JNull.Instance;
                    default:
                        return FromNode(JsonNode.Parse(v.ToJsonString()));
                }
        }
    }

    /// <summary>Builds a fresh JSON tree; functions become empty strings as in JSON.stringify of JSONata results.</summary>
    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null:
            case JNull:
                return null;
            case string s:
                return JsonValue.Create(s);
            case double d:
                return NumberNode(d);
            case bool b:
                return JsonValue.Create(b);
            case JList list:
                {
                    // sized up front: the node collections then allocate once instead of growing
                    var items = new JsonNode?[list.Count];
                    var n = 0;
                    foreach (var item in list)
                    {
                        if (item is not null and not JFunction)
                        {
                            items[n++] = ToNode(item);
                        }
                    }

                    return new JsonArray(n == items.Length ? items : items[..n]);
                }

            case JMap map:
                {
                    if (map.Source is { } src)
                    {
                        return src.DeepClone();
                    }

                    var members = new KeyValuePair<string, JsonNode?>[map.Count];
                    var n = 0;
                    foreach (var kv in map.Entries)
                    {
                        if (kv.Value is not null and not JFunction)
                        {
                            members[n++] = new KeyValuePair<string, JsonNode?>(kv.Key, ToNode(kv.Value));
                        }
                    }

                    return new JsonObject(n == members.Length ? members : members[..n]);
                }

            case JFunction:
                return JsonValue.Create(string.Empty);
            default:
                return JsonValue.Create(value.ToString());
        }
    }

    private static JsonValue NumberNode(double d)
    {
        if (Math.Abs(d) < 9007199254740992d && Math.Floor(d) == d)
        {
            return JsonValue.Create((long)d);
        }

        return JsonValue.Create(d);
    }

    public static bool IsNumber(object? v) => v is double;

    public static bool IsArrayOfNumbers(object? v)
    {
        if (v is not JList l)
        {
            return false;
        }

        foreach (var x in l)
        {
            if (x is not double)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsArrayOfStrings(object? v)
    {
        if (v is not JList l)
        {
            return false;
        }

        foreach (var x in l)
        {
            if (x is not string)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSequence(object? v) => v is JList { Sequence: true };

    /// <summary>JSONata's truthiness rules ($boolean).</summary>
    public static bool? ToBoolean(object? arg)
    {
        switch (arg)
        {
            case null:
                return null;
            case JList l:
                if (l.Count == 1)
                {
                    return ToBoolean(l[0]) ?? false;
                }

                foreach (var x in l)
                {
                    if (ToBoolean(x) == true)
                    {
                        return true;
                    }
                }

                return false;
            case string s:
                return s.Length > 0;
            case double d:
                return d != 0;
            case bool b:
                return b;
            case JMap m:
                return m.Count > 0;
            case JNull:
                return false;
            case JFunction:
                return false;
            default:
                return false;
        }
    }

    public static bool IsTruthy(object? v) => ToBoolean(v) == true;

    /// <summary>Deep equality as used by '=', '!=', 'in' and $distinct.</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        switch (a)
        {
            case double da when b is double db:
                return da == db;
            case string sa when b is string sb:
                return string.Equals(sa, sb, StringComparison.Ordinal);
            case bool ba when b is bool bb:
                return ba == bb;
            case JList la when b is JList lb:
                if (la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JMap ma when b is JMap mb:
                if (ma.Count != mb.Count)
                {
                    return false;
                }

                foreach (var kv in ma.Entries)
                {
                    if (!mb.TryGet(kv.Key, out var other) || !DeepEquals(kv.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public static string TypeName(object? v) => v switch
    {
        null => "undefined",
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        JList => "array",
        JFunction => "function",
        _ => "object",
    };
}
