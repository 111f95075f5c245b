namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>Operators, function calls, partial application, chaining and the transform operator.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluateBinary(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        var op = expr.Text;
        if (op is "and" or "or")
        {
            var l = Values.IsTruthy(lhs);
            if (op == "and")
            {
                return Values.Bool(l && Values.IsTruthy(Evaluate(expr.Rhs!, input, env)));
            }

            return Values.Bool(l || Values.IsTruthy(Evaluate(expr.Rhs!, input, env)));
        }

        var rhs = Evaluate(expr.Rhs!, input, env);
        switch (op)
        {
            case "+":
            case "-":
            case "*":
            case "/":
            case "%":
                {
                    if (lhs is not null && !IsNumeric(lhs, expr.Position))
                    {
                        throw JsonataException.Create("T2001", expr.Position, op, lhs);
                    }

                    if (rhs is not null && !IsNumeric(rhs, expr.Position))
                    {
                        throw JsonataException.Create("T2002", expr.Position, op, rhs);
                    }

                    if (lhs is null || rhs is null)
                    {
                        return null;
                    }

                    var a = (double)lhs;
                    var b = (double)rhs;
                    return op switch
                    {
                        "+" => a + b,
                        "-" => a - b,
                        "*" => a * b,
                        "/" => a / b,
                        _ => a % b,
                    };
                }

            case "=":
                return lhs is null || rhs is null ? Values.False : Values.Bool(Values.DeepEquals(lhs, rhs));
            case "!=":
                return lhs is null || rhs is null ? Values.False : Values.Bool(!Values.DeepEquals(lhs, rhs));
            case "<":
            case "<=":
            case ">":
            case ">=":
                {
                    var lok = lhs is null or string or double;
                    var rok = rhs is null or string or double;
                    if (!lok || !rok)
                    {
                        throw JsonataException.Create("T2010", expr.Position, op, !lok ? lhs : rhs);
                    }

                    if (lhs is null || rhs is null)
                    {
                        return null;
                    }

                    if (lhs.GetType() != rhs.GetType())
                    {
                        throw JsonataException.Create("T2009", expr.Position, op, lhs, rhs);
                    }

                    int c;
                    if (lhs is double dl)
                    {
                        var dr = (double)rhs;
                        return op switch
                        {
                            "<" => Values.Bool(dl < dr),
                            "<=" => Values.Bool(dl <= dr),
                            ">" => Values.Bool(dl > dr),
                            _ => Values.Bool(dl >= dr),
                        };
                    }

                    c = string.CompareOrdinal((string)lhs, (string)rhs);
                    return op switch
                    {
                        "<" => Values.Bool(c < 0),
                        "<=" => Values.Bool(c <= 0),
                        ">" => Values.Bool(c > 0),
                        _ => Values.Bool(c >= 0),
                    };
                }

            case "&":
                {
                    var ls = lhs is null ? string.Empty : Builtins.StringOf(lhs, false, expr.Position);
                    var rs = rhs is null ? string.Empty : Builtins.StringOf(rhs, false, expr.Position);
                    return ls + rs;
                }

            case "..":
                return Range(expr, lhs, rhs);
            case "in":
                {
                    if (lhs is null || rhs is null)
                    {
                        return Values.False;
                    }

                    if (rhs is JList list)
                    {
                        foreach (var item in list)
                        {
                            if (StrictEquals(item, lhs))
                            {
                                return Values.True;
                            }
                        }

                        return Values.False;
                    }

                    return Values.Bool(StrictEquals(rhs, lhs));
                }

            default:
                throw JsonataException.Create("S0204", expr.Position, op);
        }
    }

    private static bool StrictEquals(object? a, object? b) => a switch
    {
        double da => b is double db && da == db,
        string sa => b is string sb && sa == sb,
        bool ba => b is bool bb && ba == bb,
        JNull => b is JNull,
        _ => ReferenceEquals(a, b),
    };

    private static object? Range(Node expr, object? lhs, object? rhs)
    {
        if (lhs is not null && (lhs is not double l || Math.Floor(l) != l || double.IsInfinity(l)))
        {
            throw JsonataException.Create("T2003", expr.Position, "..", lhs);
        }

        if (rhs is not null && (rhs is not double r || Math.Floor(r) != r || double.IsInfinity(r)))
        {
            throw JsonataException.Create("T2004", expr.Position, "..", rhs);
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
        {
            return null;
        }

        var size = to - from + 1;
        if (size > 1e7)
        {
            throw JsonataException.Create("D2014", expr.Position, "..", size);
        }

        var result = new JList((int)size) { Sequence = true };
        for (var i = 0; i < (int)size; i++)
        {
            result.Add(from + i);
        }

        return result;
    }

    private object? EvaluateFunction(Node expr, object? input, Frame env, bool hasApplyTo, object? applyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, env);
        var procedure = expr.Procedure!;
        if (proc is null && procedure.Type == NodeType.Path && env.Lookup(procedure.Steps![0].Text) is not null)
        {
            throw JsonataException.Create("T1005", expr.Position, procedure.Steps[0].Text);
        }

        var args = new List<object?>(expr.Arguments!.Count + 1);
        if (hasApplyTo)
        {
            args.Add(applyTo);
        }

        foreach (var a in expr.Arguments)
        {
            args.Add(Evaluate(a, input, env));
        }

        var procName = procedure.Type == NodeType.Path ? procedure.Steps![0].Text : procedure.Text;
        return Apply(proc, args, input, env, expr.Position, procName);
    }

    /// <summary>Applies a function, running the trampoline for tail calls.</summary>
    public object? Apply(object? proc, List<object?> args, object? input, Frame env, int position, string? token = null)
    {
        var result = ApplyInner(proc, args, input, env, position, token);
        while (result is LambdaFunction { Thunk: true } thunk)
        {
            var body = thunk.Node.Body!;
            var next = Evaluate(body.Procedure!, thunk.Input, thunk.Environment);
            var nextArgs = new List<object?>(body.Arguments!.Count);
            foreach (var a in body.Arguments)
            {
                nextArgs.Add(Evaluate(a, thunk.Input, thunk.Environment));
            }

            var nextToken = body.Procedure!.Type == NodeType.Path ? body.Procedure.Steps![0].Text : body.Procedure.Text;
            result = ApplyInner(next, nextArgs, input, env, body.Position, nextToken);
        }

        return result;
    }

    private object? ApplyInner(object? proc, List<object?> args, object? input, Frame env, int position, string? token)
    {
        if (proc is not JFunction function)
        {
            throw JsonataException.Create("T1006", position, token);
        }

        var validated = function.Signature is { } sig ? sig.Validate(args, input, position, token) : args;
        switch (function)
        {
            case LambdaFunction lambda:
                {
                    var frame = new Frame(lambda.Environment);
                    var parameters = lambda.Node.Arguments!;
                    for (var i = 0; i < parameters.Count; i++)
                    {
                        frame.Bind(parameters[i].Text, i < validated.Count ? validated[i] : null);
                    }

                    return Evaluate(lambda.Node.Body!, lambda.Input, frame);
                }

            case NativeFunction native:
                return native.Implementation(new CallContext(this, env, input, position, token ?? native.Name), validated);

            case PartialFunction partial:
                {
                    var full = new List<object?>(partial.Args.Count);
                    var k = 0;
                    foreach (var a in partial.Args)
                    {
                        full.Add(ReferenceEquals(a, PartialFunction.Placeholder) ? (k < validated.Count ? validated[k++] : null) : a);
                    }

                    return Apply(partial.Target, full, null, env, position, token);
                }

            case ChainFunction chain:
                {
                    var first = Apply(chain.First, validated, null, env, position, token);
                    return Apply(chain.Second, [first], null, env, position, token);
                }

            case RegexFunction regex:
                return RegexTranslator.MatchObject(regex, validated.Count > 0 ? validated[0] as string : null, 0);
            case TransformFunction transform:
                return ApplyTransform(transform, validated.Count > 0 ? validated[0] : null);
            default:
                throw JsonataException.Create("T1006", position, token);
        }
    }

    private object? EvaluatePartial(Node expr, object? input, Frame env)
    {
        var args = new List<object?>(expr.Arguments!.Count);
        foreach (var a in expr.Arguments)
        {
            args.Add(a.Type == NodeType.Operator && a.Text == "?" ? PartialFunction.Placeholder : Evaluate(a, input, env));
        }

        var proc = Evaluate(expr.Procedure!, input, env);
        var procedure = expr.Procedure!;
        if (proc is null && procedure.Type == NodeType.Path && env.Lookup(procedure.Steps![0].Text) is not null)
        {
            throw JsonataException.Create("T1007", expr.Position, procedure.Steps[0].Text);
        }

        if (proc is not JFunction function)
        {
            var name = procedure.Type == NodeType.Path ? procedure.Steps![0].Text : procedure.Text;
            throw JsonataException.Create("T1008", expr.Position, name);
        }

        return new PartialFunction(function, args);
    }

    private object? EvaluateApply(Node expr, object? input, Frame env)
    {
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (expr.Rhs!.Type == NodeType.Function)
        {
            return EvaluateFunction(expr.Rhs, input, env, true, lhs);
        }

        var func = Evaluate(expr.Rhs, input, env);
        if (func is not JFunction f)
        {
            throw JsonataException.Create("T2006", expr.Position, null, func);
        }

        if (lhs is JFunction lf)
        {
            return new ChainFunction(lf, f);
        }

        return Apply(f, [lhs], null, env, expr.Position);
    }

    private object? ApplyTransform(TransformFunction transform, object? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var expr = transform.Node;
        var env = transform.Environment;
        var cloneFunction = env.Lookup("clone");
        if (cloneFunction is not JFunction clone)
        {
            throw JsonataException.Create("T2013", expr.Position);
        }

        var result = Apply(clone, [obj], null, env, expr.Position);
        var matches = Evaluate(expr.Pattern!, result, env);
        if (matches is null)
        {
            return result;
        }

        var matchList = matches as JList ?? new JList { matches };
        foreach (var match in matchList)
        {
            var update = Evaluate(expr.Update!, match, env);
            if (update is not null)
            {
                if (update is not JMap updateMap)
                {
                    throw JsonataException.Create("T2011", expr.Update!.Position, null, update);
                }

                if (match is JMap target)
                {
                    foreach (var kv in updateMap.Entries)
                    {
                        target.Set(kv.Key, kv.Value);
                    }
                }
            }

            if (expr.Delete is not null)
            {
                var deletions = Evaluate(expr.Delete, match, env);
                if (deletions is not null)
                {
                    var list = deletions as JList ?? new JList { deletions };
                    if (!Values.IsArrayOfStrings(list))
                    {
                        throw JsonataException.Create("T2012", expr.Delete.Position, null, deletions);
                    }

                    if (match is JMap target)
                    {
                        foreach (var key in list)
                        {
                            target.Remove((string)key!);
                        }
                    }
                }
            }
        }

        return result;
    }
}
