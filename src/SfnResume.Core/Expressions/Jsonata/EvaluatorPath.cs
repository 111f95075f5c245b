namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Path steps, tuple streams (focus '@', index '#', parent '%'), filters, sorting and grouping.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluatePath(Node expr, object? input, Frame env)
    {
        JList inputSequence;
        var steps = expr.Steps!;
        if (input is JList inList && steps[0].Type != NodeType.Variable)
        {
            inputSequence = inList;
        }
        else
        {
            inputSequence = JList.NewSequence(input);
        }

        object? resultSequence = null;
        var isTupleStream = false;
        JList? tupleBindings = null;
        for (var ii = 0; ii < steps.Count; ii++)
        {
            var step = steps[ii];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (ii == 0 && step.ConsArray)
            {
                resultSequence = Evaluate(step, inputSequence, env);
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, env);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, env, ii == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence is JList { Count: 0 }))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence as JList ?? JList.NewSequence(resultSequence);
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                var seq = JList.NewSequence();
                if (tupleBindings is not null)
                {
                    foreach (var t in tupleBindings)
                    {
                        seq.Add(((JTuple)t!).Focus);
                    }
                }

                resultSequence = seq;
            }
        }

        if (expr.KeepSingletonArray)
        {
            if (resultSequence is JList { Cons: true, Sequence: false } consList)
            {
                var wrapped = JList.NewSequence();
                wrapped.Add(consList);
                resultSequence = wrapped;
            }

            if (resultSequence is JList rl)
            {
                rl.KeepSingleton = true;
            }
            else
            {
                var wrapped = JList.NewSequence(resultSequence);
                wrapped.KeepSingleton = true;
                resultSequence = wrapped;
            }
        }

        if (expr.Group is { } group)
        {
            resultSequence = EvaluateGroup(group, isTupleStream ? tupleBindings : resultSequence, env);
        }

        return resultSequence;
    }

    private object? EvaluateStep(Node expr, JList input, Frame env, bool lastStep)
    {
        if (expr.Type == NodeType.Sort)
        {
            var sorted = EvaluateSort(expr, input, env);
            if (expr.Stages is not null)
            {
                sorted = EvaluateStages(expr.Stages, sorted, env);
            }

            return sorted;
        }

        var resultSequence = new JList(input.Count) { Sequence = true };
        object? single = null;
        var count = 0;
        var isName = expr.Type == NodeType.Name && expr.Stages is null && expr.Predicates is null && expr.Group is null && !expr.KeepArray;
        foreach (var item in input)
        {
            // a plain field step needs no evaluator frame: look the name up directly
            var res = isName ? NameStep(item, expr.Text) : Evaluate(expr, item, env);
            if (expr.Stages is { } stages)
            {
                foreach (var stage in stages)
                {
                    res = EvaluateFilter(stage.Filter!, res, env);
                }
            }

            if (res is null)
            {
                continue;
            }

            count++;
            single = res;
            if (res is JList l && !l.Cons)
            {
                resultSequence.AddRange(l);
            }
            else
            {
                resultSequence.Add(res);
            }
        }

        if (lastStep && count == 1 && single is JList { Sequence: false } only)
        {
            return only;
        }

        return resultSequence;
    }

    /// <summary>Evaluate(name) without the bookkeeping: lookup plus the sequence unwrapping rules.</summary>
    private static object? NameStep(object? item, string name)
    {
        var res = Lookup(item, name);
        if (res is JList { Sequence: true, TupleStream: false } seq)
        {
            if (seq.Count == 0)
            {
                return null;
            }

            if (seq.Count == 1 && !seq.KeepSingleton)
            {
                return seq[0];
            }
        }

        return res;
    }

    private JList EvaluateStages(List<Stage> stages, JList input, Frame env)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.Filter is not null)
            {
                result = EvaluateFilter(stage.Filter, result, env);
            }
            else
            {
                for (var ee = 0; ee < result.Count; ee++)
                {
                    ((JTuple)result[ee]!)[stage.Index!] = (double)ee;
                }
            }
        }

        return result;
    }

    private JList EvaluateTupleStep(Node expr, JList input, JList? tupleBindings, Frame env)
    {
        JList result;
        if (expr.Type == NodeType.Sort)
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(expr, tupleBindings, env);
            }
            else
            {
                var sorted = EvaluateSort(expr, input, env);
                result = JList.NewSequence();
                result.TupleStream = true;
                for (var ss = 0; ss < sorted.Count; ss++)
                {
                    var tuple = new JTuple { ["@"] = sorted[ss] };
                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)ss;
                    }

                    result.Add(tuple);
                }
            }

            if (expr.Stages is not null)
            {
                result = EvaluateStages(expr.Stages, result, env);
            }

            return result;
        }

        result = JList.NewSequence();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = new JList(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new JTuple { ["@"] = item });
            }
        }

        foreach (var tb in tupleBindings)
        {
            var binding = (JTuple)tb!;
            var stepEnv = FrameFromTuple(env, binding);
            var res = Evaluate(expr, binding.Focus, stepEnv);
            if (res is null)
            {
                continue;
            }

            var resList = res as JList;
            var count = resList?.Count ?? 1;
            for (var bb = 0; bb < count; bb++)
            {
                var item = resList is null ? res : resList[bb];
                var tuple = new JTuple(binding);
                if (resList is { TupleStream: true })
                {
                    foreach (var kv in (JTuple)item!)
                    {
                        tuple[kv.Key] = kv.Value;
                    }
                }
                else
                {
                    if (expr.Focus is not null)
                    {
                        tuple[expr.Focus] = item;
                        tuple["@"] = binding.Focus;
                    }
                    else
                    {
                        tuple["@"] = item;
                    }

                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)bb;
                    }

                    if (expr.Ancestor is not null)
                    {
                        tuple[expr.Ancestor.Label] = binding.Focus;
                    }
                }

                result.Add(tuple);
            }
        }

        if (expr.Stages is not null)
        {
            result = EvaluateStages(expr.Stages, result, env);
        }

        return result;
    }

    private static Frame FrameFromTuple(Frame env, JTuple tuple)
    {
        var frame = new Frame(env);
        foreach (var kv in tuple)
        {
            frame.Bind(kv.Key, kv.Value);
        }

        return frame;
    }

    private JList EvaluateFilter(Node predicate, object? input, Frame env)
    {
        var results = JList.NewSequence();
        if (input is JList { TupleStream: true })
        {
            results.TupleStream = true;
        }

        var list = input as JList ?? JList.NewSequence(input);
        if (predicate.Type == NodeType.Number)
        {
            var index = (int)Math.Floor((double)predicate.Literal!);
            if (index < 0)
            {
                index = list.Count + index;
            }

            if (index >= 0 && index < list.Count)
            {
                var item = list[index];
                if (item is JList arr)
                {
                    return arr;
                }

                results.Add(item);
            }

            return results;
        }

        for (var index = 0; index < list.Count; index++)
        {
            var item = list[index];
            var context = item;
            var frame = env;
            if (list.TupleStream)
            {
                context = ((JTuple)item!).Focus;
                frame = FrameFromTuple(env, (JTuple)item);
            }

            var res = Evaluate(predicate, context, frame);
            if (IsNumeric(res))
            {
                res = new JList { res };
            }

            if (res is JList resList && resList.Count > 0 && Values.IsArrayOfNumbers(resList))
            {
                foreach (var ires in resList)
                {
                    var ii = (int)Math.Floor((double)ires!);
                    if (ii < 0)
                    {
                        ii = list.Count + ii;
                    }

                    if (ii == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Values.IsTruthy(res))
            {
                results.Add(item);
            }
        }

        return results;
    }

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
        var result = new JMap();
        var hasUndefined = false;
        for (var pairIndex = 0; pairIndex < expr.Pairs.Count; pairIndex++)
        {
            var key = Evaluate(expr.Pairs[pairIndex].Key, input, env);
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

/// <summary>A stable merge sort (JSONata's $sort and order-by are stable).</summary>
internal static class StableSort
{
    public static List<object?> Sort(IReadOnlyList<object?> items, Comparison<object?> compare)
    {
        var array = new object?[items.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = items[i];
        }

        if (array.Length > 1)
        {
            var temp = new object?[array.Length];
            MergeSort(array, temp, 0, array.Length, compare);
        }

        return new List<object?>(array);
    }

    private static void MergeSort(object?[] a, object?[] temp, int lo, int hi, Comparison<object?> compare)
    {
        if (hi - lo < 2)
        {
            return;
        }

        var mid = (lo + hi) / 2;
        MergeSort(a, temp, lo, mid, compare);
        MergeSort(a, temp, mid, hi, compare);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
        {
            // take from the right only when left is strictly greater (keeps equal items in order)
            temp[k++] = compare(a[i], a[j]) > 0 ? a[j++] : a[i++];
        }

        while (i < mid)
        {
            temp[k++] = a[i++];
        }

        while (j < hi)
        {
            temp[k++] = a[j++];
        }

        Array.Copy(temp, lo, a, lo, hi - lo);
    }
}
