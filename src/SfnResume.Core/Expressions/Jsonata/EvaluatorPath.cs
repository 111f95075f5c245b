namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Path steps, tuple streams (focus '@', index '#', parent '%'), filters, sorting and grouping.</summary>
internal sealed partial class Evaluator
{
    internal static bool IsSimplePath(Node expr)
    {
        if (expr.KeepSingletonArray || expr.Group is not null || expr.Tuple || expr.SeekingParent is not null)
        {
            return false;
        }

        var steps = expr.Steps!;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var typeOk = step.Type == NodeType.Name || (i == 0 && step.Type == NodeType.Variable);
            if (!typeOk || step.Stages is not null || step.Predicates is not null || step.Group is not null || step.Focus is not null
                || step.Index is not null || step.Ancestor is not null || step.Tuple || step.KeepArray || step.ConsArray)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Walks a simple path (see <see cref="Node.SimplePath"/>) through objects only. Returns false when
    /// an array or other value turns up on the way, and the general algorithm must run instead.
    /// </summary>
    private bool TryWalkSimplePath(Node expr, object? input, Frame env, out object? result)
    {
        var steps = expr.Steps!;
        object? current;
        if (steps[0].Type == NodeType.Variable)
        {
            current = Evaluate(steps[0], input, env);
        }
        else if (input is JMap root)
        {
            current = root.TryGet(steps[0].Text, out var v) ? v : null;
        }
        else
        {
            result = null;
            return false;
        }

        for (var i = 1; i < steps.Count && current is not null; i++)
        {
            if (current is JList { Cons: false } list)
            {
                // an array on the way: the remaining field steps map over its items, flattening
                object? sequence = list;
                for (var j = i; j < steps.Count; j++)
                {
                    sequence = EvaluateStep(steps[j], (JList)sequence!, env, j == steps.Count - 1);
                    if (sequence is JList { Count: 0 })
                    {
                        break;
                    }
                }

                result = sequence;
                return true;
            }

            if (current is not JMap map)
            {
                result = null;
                return false;
            }

            current = map.TryGet(steps[i].Text, out var next) ? next : null;
        }

        if (current is JList { Sequence: true })
        {
            result = null;
            return false;
        }

        result = current;
        return true;
    }

    private object? EvaluatePath(Node expr, object? input, Frame env)
    {
        if ((expr.SimplePath ??= IsSimplePath(expr)) && TryWalkSimplePath(expr, input, env, out var walked))
        {
            return walked;
        }

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
