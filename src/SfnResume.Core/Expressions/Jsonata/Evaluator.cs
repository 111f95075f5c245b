using System.Runtime.CompilerServices;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Tuple of a tuple stream: the context value under "@" plus focus/index/ancestor bindings.</summary>
internal sealed class JTuple : Dictionary<string, object?>
{
    public JTuple()
        : base(StringComparer.Ordinal)
    {
    }

    public JTuple(JTuple other)
        : base(other, StringComparer.Ordinal)
    {
    }

    public object? Focus => TryGetValue("@", out var v) ? v : null;
}

/// <summary>
/// Evaluates a processed JSONata tree (the semantics of the reference evaluator). One evaluator serves one
/// evaluation: it also holds the options, the captured timestamp and the depth/time guards.
/// </summary>
internal sealed partial class Evaluator
{
    private readonly long _deadline;
    private int _depth;
    private int _ticks;
    private DateTimeOffset? _timestamp;
    private bool _timestampRead;

    public Evaluator(JsonataEnvironment environment)
    {
        Environment = environment;
        if (environment.TimeLimit is { } limit && environment.TimeProvider is { } tp)
        {
            _deadline = tp.GetTimestamp() + (long)(limit.TotalSeconds * tp.TimestampFrequency);
        }
    }

    public JsonataEnvironment Environment { get; }

    /// <summary>
    /// The instant $now() and $millis() report: read from the clock on first use, then fixed for the whole
    /// evaluation (so an expression that never asks for the time does not read the clock).
    /// </summary>
    public DateTimeOffset? Timestamp
    {
        get
        {
            if (!_timestampRead)
            {
                _timestamp = Environment.Clock?.Invoke();
                _timestampRead = true;
            }

            return _timestamp;
        }
    }

    public static JsonataException StackOverflow() => JsonataException.WithText(
        "U1001",
        "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");

    public object? Evaluate(Node expr, object? input, Frame env)
    {
        Enter();
        try
        {
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw StackOverflow();
            }

            var result = EvaluateCore(expr, input, env);
            if (expr.Predicates is { } predicates)
            {
                foreach (var p in predicates)
                {
                    result = EvaluateFilter(p.Filter!, result, env);
                }
            }

            if (expr.Group is { } group && expr.Type != NodeType.Path)
            {
                result = EvaluateGroup(group, result, env);
            }

            if (result is JList { Sequence: true, TupleStream: false } seq)
            {
                if (expr.KeepArray)
                {
                    seq.KeepSingleton = true;
                }

                if (seq.Count == 0)
                {
                    result = null;
                }
                else if (seq.Count == 1 && !seq.KeepSingleton)
                {
                    result = seq[0];
                }
            }

            return result;
        }
        finally
        {
            _depth--;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter()
    {
        _depth++;
        if (_depth > Environment.MaxDepth)
        {
            throw StackOverflow();
        }

        if (_deadline != 0 && (++_ticks & 63) == 0 && Environment.TimeProvider!.GetTimestamp() > _deadline)
        {
            throw JsonataException.WithText("U1001", "Expression evaluation timeout: Check for infinite loop");
        }
    }

    private object? EvaluateCore(Node expr, object? input, Frame env)
    {
        switch (expr.Type)
        {
            case NodeType.Path:
                return EvaluatePath(expr, input, env);
            case NodeType.Binary:
                return EvaluateBinary(expr, input, env);
            case NodeType.Unary:
                return EvaluateUnary(expr, input, env);
            case NodeType.Name:
                return Lookup(input, expr.Text);
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
                return expr.Literal;
            case NodeType.Wildcard:
                return EvaluateWildcard(input);
            case NodeType.Descendant:
                return EvaluateDescendants(input);
            case NodeType.Parent:
                return env.Lookup(expr.Slot!.Label);
            case NodeType.Condition:
                {
                    var condition = Evaluate(expr.Condition!, input, env);
                    if (Values.IsTruthy(condition))
                    {
                        return Evaluate(expr.Then!, input, env);
                    }

                    return expr.Else is null ? null : Evaluate(expr.Else, input, env);
                }

            case NodeType.Block:
                {
                    var frame = new Frame(env);
                    object? result = null;
                    foreach (var e in expr.Expressions!)
                    {
                        result = Evaluate(e, input, frame);
                    }

                    return result;
                }

            case NodeType.Bind:
                {
                    var value = Evaluate(expr.Rhs!, input, env);
                    env.Bind(expr.Lhs!.Text, value);
                    return value;
                }

            case NodeType.Regex:
                return RegexTranslator.CreateFunction((RegexLiteral)expr.Literal!, expr.Position);
            case NodeType.Function:
                return EvaluateFunction(expr, input, env, false, null);
            case NodeType.Variable:
                if (expr.Text.Length == 0)
                {
                    return input is JList { OuterWrapper: true } w && w.Count > 0 ? w[0] : input;
                }

                return env.Lookup(expr);
            case NodeType.Lambda:
                return new LambdaFunction(expr, input, env);
            case NodeType.Partial:
                return EvaluatePartial(expr, input, env);
            case NodeType.Apply:
                return EvaluateApply(expr, input, env);
            case NodeType.Transform:
                return new TransformFunction(expr, env);
            default:
                throw JsonataException.Create("S0206", expr.Position, expr.Text);
        }
    }

    /// <summary>Field lookup over an object or (flattening) over an array of objects.</summary>
    internal static object? Lookup(object? input, string key)
    {
        if (input is JMap map)
        {
            return map.TryGet(key, out var v) ? v : null;
        }

        if (input is JList list)
        {
            var result = JList.NewSequence();
            foreach (var item in list)
            {
                var res = Lookup(item, key);
                if (res is null)
                {
                    continue;
                }

                if (res is JList inner)
                {
                    result.AddRange(inner);
                }
                else
                {
                    result.Add(res);
                }
            }

            return result;
        }

        return null;
    }

    private static JList EvaluateWildcard(object? input)
    {
        var results = JList.NewSequence();
        if (input is JList { OuterWrapper: true } w && w.Count > 0)
        {
            input = w[0];
        }

        if (input is JMap map)
        {
            foreach (var kv in map.Entries)
            {
                AddWildcardValue(results, kv.Value);
            }
        }
        else if (input is JList list)
        {
            foreach (var v in list)
            {
                AddWildcardValue(results, v);
            }
        }

        return results;
    }

    private static void AddWildcardValue(JList results, object? value)
    {
        if (value is JList arr)
        {
            Flatten(arr, results);
        }
        else if (value is not null)
        {
            results.Add(value);
        }
    }

    private static void Flatten(JList arr, JList into)
    {
        foreach (var item in arr)
        {
            if (item is JList inner)
            {
                Flatten(inner, into);
            }
            else
            {
                into.Add(item);
            }
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = JList.NewSequence();
        RecurseDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void RecurseDescendants(object? input, JList results)
    {
        if (input is JList list)
        {
            foreach (var item in list)
            {
                RecurseDescendants(item, results);
            }

            return;
        }

        if (input is not null)
        {
            results.Add(input);
        }

        if (input is JMap map)
        {
            foreach (var kv in map.Entries)
            {
                RecurseDescendants(kv.Value, results);
            }
        }
    }

    private object? EvaluateUnary(Node expr, object? input, Frame env)
    {
        switch (expr.Text)
        {
            case "-":
                {
                    var value = Evaluate(expr.Expression!, input, env);
                    if (value is null)
                    {
                        return null;
                    }

                    if (IsNumeric(value, expr.Position))
                    {
                        return -(double)value;
                    }

                    throw JsonataException.Create("D1002", expr.Position, expr.Text, value);
                }

            case "[":
                {
                    var list = new JList();
                    foreach (var item in expr.Expressions!)
                    {
                        var value = Evaluate(item, input, env);
                        if (value is null)
                        {
                            continue;
                        }

                        if (item.Type != NodeType.Unary || item.Text != "[")
                        {
                            if (value is JList inner)
                            {
                                list.AddRange(inner);
                                continue;
                            }
                        }

                        list.Add(value);
                    }

                    if (expr.ConsArray)
                    {
                        list.Cons = true;
                    }

                    return list;
                }

            case "{":
                return EvaluateGroup(new GroupClause(expr.Pairs!, expr.Position), input, env);
            default:
                throw JsonataException.Create("S0211", expr.Position, expr.Text);
        }
    }

    /// <summary>$append semantics: concatenation into a new plain array.</summary>
    internal static object? Append(object? arg1, object? arg2)
    {
        if (arg1 is null)
        {
            return arg2;
        }

        if (arg2 is null)
        {
            return arg1;
        }

        var result = new JList();
        if (arg1 is JList l1)
        {
            result.AddRange(l1);
        }
        else
        {
            result.Add(arg1);
        }

        if (arg2 is JList l2)
        {
            result.AddRange(l2);
        }
        else
        {
            result.Add(arg2);
        }

        return result;
    }

    /// <summary>A number that is not NaN; an infinite number is an error (D1001).</summary>
    internal static bool IsNumeric(object? v, int position = -1)
    {
        if (v is double d)
        {
            if (double.IsNaN(d))
            {
                return false;
            }

            if (double.IsInfinity(d))
            {
                throw JsonataException.Create("D1001", position, null, d);
            }

            return true;
        }

        return false;
    }
}
