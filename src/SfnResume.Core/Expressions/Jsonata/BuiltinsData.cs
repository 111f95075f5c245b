using System.Globalization;
using System.Text.RegularExpressions;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Numeric, boolean, array, object and higher-order functions.</summary>
internal static partial class Builtins
{
    private static void AddData(Action<string, string, NativeImplementation> add)
    {
        add("boolean", "<x-:b>", (c, a) => Values.ToBoolean(a[0]) is { } b ? Values.Bool(b) : null);
        add("not", "<x-:b>", (c, a) => a[0] is null ? null : Values.Bool(!Values.IsTruthy(a[0])));
        add("exists", "<x:b>", (c, a) => Values.Bool(a.Count > 0 && a[0] is not null));
        add("append", "<xx:a>", (c, a) => Evaluator.Append(a[0], a.Count > 1 ? a[1] : null));
        add("reverse", "<a:a>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            if (l.Count <= 1)
            {
                return l;
            }

            var r = new JList(l);
            r.Reverse();
            return r;
        });
        add("shuffle", "<a:a>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            if (l.Count <= 1)
            {
                return l;
            }

            var r = new JList(l);
            for (var i = r.Count - 1; i > 0; i--)
            {
                var j = (int)Math.Floor(NextRandom(c) * (i + 1));
                (r[i], r[j]) = (r[j], r[i]);
            }

            return r;
        });
        add("distinct", "<x:x>", (c, a) =>
        {
            if (a[0] is not JList { Count: > 1 } l)
            {
                return a[0];
            }

            var r = l.Sequence ? JList.NewSequence() : new JList();
            foreach (var x in l)
            {
                var found = false;
                foreach (var y in r)
                {
                    if (Values.DeepEquals(x, y))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    r.Add(x);
                }
            }

            return r;
        });
        add("sort", "<af?:a>", Sort);
        add("zip", "<a+>", (c, a) =>
        {
            var result = new JList();
            if (a.Count == 0)
            {
                return result;
            }

            var length = int.MaxValue;
            foreach (var x in a)
            {
                length = Math.Min(length, x is JList l ? l.Count : 0);
            }

            for (var i = 0; i < length; i++)
            {
                var tuple = new JList();
                foreach (var x in a)
                {
                    tuple.Add(((JList)x!)[i]);
                }

                result.Add(tuple);
            }

            return result;
        });
        add("keys", "<x-:a<s>>", (c, a) => Keys(a[0]));
        add("lookup", "<x-s:x>", (c, a) => Evaluator.Lookup(a[0], (string)a[1]!));
        add("spread", "<x-:a<o>>", (c, a) => Spread(a[0]));
        add("merge", "<a<o>:o>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var result = new JMap();
            foreach (var o in l)
            {
                if (o is JMap m)
                {
                    foreach (var kv in m.Entries)
                    {
                        result.Set(kv.Key, kv.Value);
                    }
                }
            }

            return result;
        });
        add("each", "<o-f:a>", (c, a) =>
        {
            if (a[0] is not JMap m)
            {
                return null;
            }

            var result = JList.NewSequence();
            var f = (JFunction)a[1]!;
            foreach (var kv in m.Entries.ToList())
            {
                var v = c.CallWithArity(f, kv.Value, kv.Key, m);
                if (v is not null)
                {
                    result.Add(v);
                }
            }

            return result;
        });
        add("sift", "<o-f?:o>", (c, a) =>
        {
            if (a[0] is not JMap m)
            {
                return null;
            }

            var result = new JMap();
            var f = (JFunction)a[1]!;
            foreach (var kv in m.Entries.ToList())
            {
                if (Values.IsTruthy(c.CallWithArity(f, kv.Value, kv.Key, m)))
                {
                    result.Set(kv.Key, kv.Value);
                }
            }

            return result.Count == 0 ? null : result;
        });
        add("error", "<s?:x>", (c, a) => throw JsonataException.WithText("D3137", a.Count > 0 && a[0] is string s ? s : "$error() function evaluated", c.Position, c.Token));
        add("assert", "<bs?:x>", (c, a) =>
        {
            if (a[0] is not true)
            {
                throw JsonataException.WithText("D3141", a.Count > 1 && a[1] is string s ? s : "$assert() statement failed", c.Position, c.Token);
            }

            return null;
        });
        add("type", "<x:s>", (c, a) => a.Count == 0 || a[0] is null ? null : Values.TypeName(a[0]));
        add("map", "<af>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var result = JList.NewSequence();
            for (var i = 0; i < l.Count; i++)
            {
                var r = c.CallWithArity(f, l[i], (double)i, l);
                if (r is not null)
                {
                    result.Add(r);
                }
            }

            return result;
        });
        add("filter", "<af>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var result = JList.NewSequence();
            for (var i = 0; i < l.Count; i++)
            {
                if (Values.IsTruthy(c.CallWithArity(f, l[i], (double)i, l)))
                {
                    result.Add(l[i]);
                }
            }

            return result;
        });
        add("single", "<af?>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var f = a.Count > 1 ? a[1] as JFunction : null;
            object? result = null;
            var found = false;
            for (var i = 0; i < l.Count; i++)
            {
                var positive = f is null || Values.IsTruthy(c.CallWithArity(f, l[i], (double)i, l));
                if (!positive)
                {
                    continue;
                }

                if (found)
                {
                    throw JsonataException.Create("D3138", c.Position, c.Token);
                }

                result = l[i];
                found = true;
            }

            if (!found)
            {
                throw JsonataException.Create("D3139", c.Position, c.Token);
            }

            return result;
        });
        add("reduce", "<afj?:j>", (c, a) =>
        {
            if (a[0] is not JList l)
            {
                return null;
            }

            var f = (JFunction)a[1]!;
            var arity = f.Arity;
            if (arity < 2)
            {
                throw JsonataException.Create("D3050", c.Position, c.Token);
            }

            var init = a.Count > 2 ? a[2] : null;
            object? result;
            int index;
            if (init is null && l.Count > 0)
            {
                result = l[0];
                index = 1;
            }
            else
            {
                result = init;
                index = 0;
            }

            while (index < l.Count)
            {
                var args = new List<object?> { result, l[index] };
                if (arity >= 3)
                {
                    args.Add((double)index);
                }

                if (arity >= 4)
                {
                    args.Add(l);
                }

                result = c.Evaluator.Apply(f, args, null, c.Environment, c.Position);
                index++;
            }

            return result;
        });
        add("clone", "<(oa)-:o>", (c, a) => DeepClone(a[0]));
    }

    internal static object? DeepClone(object? v) => v switch
    {
        JList l => CloneList(l),
        JMap m => CloneMap(m),
        _ => v,
    };

    private static JList CloneList(JList l)
    {
        var r = new JList(l.Count);
        foreach (var x in l)
        {
            r.Add(DeepClone(x));
        }

        return r;
    }

    private static JMap CloneMap(JMap m)
    {
        var r = new JMap();
        foreach (var kv in m.Entries)
        {
            if (kv.Value is not JFunction)
            {
                r.Set(kv.Key, DeepClone(kv.Value));
            }
        }

        return r;
    }

    private static object? Sort(CallContext c, List<object?> a)
    {
        if (a[0] is not JList l)
        {
            return null;
        }

        if (l.Count <= 1)
        {
            return l;
        }

        Comparison<object?> compare;
        if (a.Count > 1 && a[1] is JFunction f)
        {
            compare = (x, y) => Values.IsTruthy(c.Call(f, x, y)) ? 1 : 0;
        }
        else
        {
            if (Values.IsArrayOfNumbers(l))
            {
                compare = (x, y) => (double)x! > (double)y! ? 1 : 0;
            }
            else if (Values.IsArrayOfStrings(l))
            {
                compare = (x, y) => string.CompareOrdinal((string)x!, (string)y!) > 0 ? 1 : 0;
            }
            else
            {
                throw JsonataException.Create("D3070", c.Position, c.Token);
            }
        }

        return new JList(StableSort.Sort(l, compare));
    }

    private static JList Keys(object? arg)
    {
        var result = JList.NewSequence();
        if (arg is JList l)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in l)
            {
                foreach (var k in Keys(item))
                {
                    if (seen.Add((string)k!))
                    {
                        result.Add(k);
                    }
                }
            }
        }
        else if (arg is JMap m)
        {
            foreach (var k in m.Keys)
            {
                result.Add(k);
            }
        }

        return result;
    }

    private static object? Spread(object? arg)
    {
        if (arg is JList l)
        {
            object? result = JList.NewSequence();
            foreach (var item in l)
            {
                result = Evaluator.Append(result, Spread(item));
            }

            return result;
        }

        if (arg is JMap m)
        {
            var result = JList.NewSequence();
            foreach (var kv in m.Entries)
            {
                var o = new JMap();
                o.Set(kv.Key, kv.Value);
                result.Add(o);
            }

            return result;
        }

        return arg;
    }
}
