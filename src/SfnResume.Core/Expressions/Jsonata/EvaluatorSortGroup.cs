namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Order-by (<c>^(...)</c>) and grouping (<c>{k: v}</c> on a path or as an object constructor).</summary>
internal sealed partial class Evaluator
{
    private JList EvaluateSort(Node expr, JList input, Frame env)
    {
        var isTupleSort = input.TupleStream;
        int Compare(object? a, object? b)
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < expr.Terms!.Count; index++)
            {
                var term = expr.Terms[index];
                var aa = isTupleSort ? Evaluate(term.Expression, ((JTuple)a!).Focus, FrameFromTuple(env, (JTuple)a)) : Evaluate(term.Expression, a, env);
                var bb = isTupleSort ? Evaluate(term.Expression, ((JTuple)b!).Focus, FrameFromTuple(env, (JTuple)b)) : Evaluate(term.Expression, b, env);
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                var aok = aa is string or double;
                var bok = bb is string or double;
                if (!aok || !bok)
                {
                    throw JsonataException.Create("T2008", expr.Position, null, !aok ? aa : bb);
                }

                if (aa.GetType() != bb.GetType())
                {
                    throw JsonataException.Create("T2007", expr.Position, null, aa, bb);
                }

                comp = aa is double da ? da.CompareTo((double)bb) : string.CompareOrdinal((string)aa, (string)bb);
                comp = Math.Sign(comp);
                if (term.Descending)
                {
                    comp = -comp;
                }
            }

            return comp;
        }

        var sorted = StableSort.Sort(input, Compare);
        var result = JList.NewSequence();
        result.AddRange(sorted);
        result.TupleStream = input.TupleStream;
        return result;
    }

    private JMap EvaluateGroup(GroupClause expr, object? input, Frame env)
    {
        if (input is not JList)
        {
            return EvaluateObjectForSingleItem(expr, input, env);
        }

        var result = new JMap();
        var groups = new OrderedDictionary<string, (object? Data, int ExprIndex)>(StringComparer.Ordinal);
        var reduce = input is JList { TupleStream: true };
        var list = input as JList ?? JList.NewSequence(input);
        if (list.Count == 0 && !reduce)
        {
            list = new JList { null };
        }

        foreach (var item in list)
        {
            var frame = reduce ? FrameFromTuple(env, (JTuple)item!) : env;
            for (var pairIndex = 0; pairIndex < expr.Pairs.Count; pairIndex++)
            {
                var key = Evaluate(expr.Pairs[pairIndex].Key, reduce ? ((JTuple)item!).Focus : item, frame);
                if (key is null)
                {
                    continue;
                }

                if (key is not string skey)
                {
                    throw JsonataException.Create("T1003", expr.Position, null, key);
                }

                if (groups.TryGetValue(skey, out var entry))
                {
                    if (entry.ExprIndex != pairIndex)
                    {
                        throw JsonataException.Create("D1009", expr.Position, null, skey);
                    }

                    groups[skey] = (Append(entry.Data, item), pairIndex);
                }
                else
                {
                    groups[skey] = (item, pairIndex);
                }
            }
        }

        foreach (var kv in groups)
        {
            var context = kv.Value.Data;
            var frame = env;
            if (reduce)
            {
                var tuple = ReduceTupleStream(kv.Value.Data);
                context = tuple.Focus;
                tuple.Remove("@");
                frame = FrameFromTuple(env, tuple);
            }

            var value = Evaluate(expr.Pairs[kv.Value.ExprIndex].Value, context, frame);
            if (value is not null)
            {
                result.Set(kv.Key, value);
            }
        }

        return result;
    }

    /// <summary>Grouping over one non-array context (the usual object constructor): no grouping table needed.</summary>
    private JMap EvaluateObjectForSingleItem(GroupClause expr, object? input, Frame env)
    {
        var result = new JMap(expr.Pairs.Count);
        var hasUndefined = false;
        for (var pairIndex = 0; pairIndex < expr.Pairs.Count; pairIndex++)
        {
            var keyNode = expr.Pairs[pairIndex].Key;

            // a literal key (the usual "name": value) needs no evaluation step
            var key = keyNode is { Type: NodeType.String, Predicates: null, Group: null } ? keyNode.Literal : Evaluate(keyNode, input, env);
            if (key is null)
            {
                continue;
            }

            if (key is not string skey)
            {
                throw JsonataException.Create("T1003", expr.Position, null, key);
            }

            if (result.ContainsKey(skey))
            {
                throw JsonataException.Create("D1009", expr.Position, null, skey);
            }

            var value = Evaluate(expr.Pairs[pairIndex].Value, input, env);
            hasUndefined |= value is null;
            result.Set(skey, value);
        }

        if (!hasUndefined)
        {
            return result;
        }

        // undefined values are dropped, as JSONata never stores undefined in an object
        foreach (var kv in result.Entries.ToList())
        {
            if (kv.Value is null)
            {
                result.Remove(kv.Key);
            }
        }

        return result;
    }

    private static JTuple ReduceTupleStream(object? stream)
    {
        if (stream is JTuple single)
        {
            return new JTuple(single);
        }

        var list = (JList)stream!;
        var result = new JTuple((JTuple)list[0]!);
        for (var ii = 1; ii < list.Count; ii++)
        {
            foreach (var kv in (JTuple)list[ii]!)
            {
                result[kv.Key] = Append(result.TryGetValue(kv.Key, out var existing) ? existing : null, kv.Value);
            }
        }

        return result;
    }
}
