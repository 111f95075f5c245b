namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// The post-parse pass of JSONata: turns '.' chains into path steps, predicates into stages,
/// binds focus/index/parent operators to steps, and marks tail calls inside lambdas.
/// </summary>
internal sealed partial class AstProcessor
{
    private readonly List<Node> _ancestry = [];
    private int _ancestorLabel;
    private int _ancestorIndex;

    public Node Process(Node expr)
    {
        var result = ProcessNode(expr);
        if (result.Type == NodeType.Parent || result.SeekingParent is not null)
        {
            throw JsonataException.Create("S0217", result.Position, result.Type.ToString().ToLowerInvariant());
        }

        return result;
    }

    private static Node PathOf(Node step) => new(NodeType.Path, string.Empty, step.Position) { Steps = [step] };

    private Node ProcessNode(Node expr)
    {
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Unary:
                result = new Node(NodeType.Unary, expr.Text, expr.Position);
                if (expr.Text == "[")
                {
                    result.Expressions = [];
                    foreach (var item in expr.Expressions!)
                    {
                        var value = ProcessNode(item);
                        PushAncestry(result, value);
                        result.Expressions.Add(value);
                    }
                }
                else if (expr.Text == "{")
                {
                    result.Pairs = [];
                    foreach (var (k, v) in expr.Pairs!)
                    {
                        var key = ProcessNode(k);
                        PushAncestry(result, key);
                        var value = ProcessNode(v);
                        PushAncestry(result, value);
                        result.Pairs.Add((key, value));
                    }
                }
                else
                {
                    result.Expression = ProcessNode(expr.Expression!);
                    if (expr.Text == "-" && result.Expression.Type == NodeType.Number)
                    {
                        result = result.Expression;
                        result.Literal = -(double)result.Literal!;
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case NodeType.Function:
            case NodeType.Partial:
                result = new Node(expr.Type, expr.Text, expr.Position) { Arguments = [] };
                foreach (var arg in expr.Arguments!)
                {
                    var a = ProcessNode(arg);
                    PushAncestry(result, a);
                    result.Arguments.Add(a);
                }

                result.Procedure = ProcessNode(expr.Procedure!);
                break;
            case NodeType.Lambda:
                result = new Node(NodeType.Lambda, expr.Text, expr.Position)
                {
                    Arguments = expr.Arguments,
                    Signature = expr.Signature,
                    Body = TailCallOptimize(ProcessNode(expr.Body!)),
                };
                break;
            case NodeType.Condition:
                result = new Node(NodeType.Condition, expr.Text, expr.Position);
                result.Condition = ProcessNode(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = ProcessNode(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = ProcessNode(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case NodeType.Transform:
                result = new Node(NodeType.Transform, expr.Text, expr.Position)
                {
                    Pattern = ProcessNode(expr.Pattern!),
                    Update = ProcessNode(expr.Update!),
                    Delete = expr.Delete is null ? null : ProcessNode(expr.Delete),
                };
                break;
            case NodeType.Block:
                result = new Node(NodeType.Block, expr.Text, expr.Position) { Expressions = [] };
                foreach (var item in expr.Expressions!)
                {
                    var part = ProcessNode(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == NodeType.Path && part.Steps![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    result.Expressions.Add(part);
                }

                break;
            case NodeType.Name:
                result = PathOf(expr);
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case NodeType.Parent:
                result = new Node(NodeType.Parent, "%", expr.Position)
                {
                    Slot = new AncestorSlot("!" + _ancestorLabel++, 1, _ancestorIndex++),
                };
                _ancestry.Add(result);
                break;
            case NodeType.String:
            case NodeType.Number:
            case NodeType.Value:
            case NodeType.Wildcard:
            case NodeType.Descendant:
            case NodeType.Variable:
            case NodeType.Regex:
                result = expr;
                break;
            case NodeType.Operator:
                if (expr.Text is "and" or "or" or "in")
                {
                    expr.Type = NodeType.Name;
                    result = ProcessNode(expr);
                }
                else if (expr.Text == "?")
                {
                    result = expr;
                }
                else
                {
                    throw JsonataException.Create("S0201", expr.Position, expr.Text);
                }

                break;
            case NodeType.End:
                throw JsonataException.Create("S0207", expr.Position);
            default:
                throw JsonataException.Create("S0206", expr.Position, expr.Text);
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        Node result;
        Node step;
        switch (expr.Text)
        {
            case ".":
                {
                    var lstep = ProcessNode(expr.Lhs!);
                    result = lstep.Type == NodeType.Path ? lstep : PathOf(lstep);
                    if (lstep.Type == NodeType.Parent)
                    {
                        result.SeekingParent = [lstep.Slot!];
                    }

                    var rest = ProcessNode(expr.Rhs!);
                    if (rest.Type == NodeType.Path)
                    {
                        result.Steps!.AddRange(rest.Steps!);
                    }
                    else
                    {
                        if (rest.Predicates is not null)
                        {
                            rest.Stages = rest.Predicates;
                            rest.Predicates = null;
                        }

                        result.Steps!.Add(rest);
                    }

                    foreach (var s in result.Steps!)
                    {
                        if (s.Type is NodeType.Number or NodeType.Value)
                        {
                            throw JsonataException.Create("S0213", s.Position, null, s.Literal);
                        }

                        if (s.Type == NodeType.String)
                        {
                            s.Type = NodeType.Name;
                            s.Text = (string)s.Literal!;
                        }
                    }

                    if (result.Steps.Any(s => s.KeepArray))
                    {
                        result.KeepSingletonArray = true;
                    }

                    var first = result.Steps[0];
                    if (first.Type == NodeType.Unary && first.Text == "[")
                    {
                        first.ConsArray = true;
                    }

                    var last = result.Steps[^1];
                    if (last.Type == NodeType.Unary && last.Text == "[")
                    {
                        last.ConsArray = true;
                    }

                    ResolveAncestry(result);
                    break;
                }

            case "[":
                {
                    result = ProcessNode(expr.Lhs!);
                    step = result;
                    var toStages = false;
                    if (result.Type == NodeType.Path)
                    {
                        step = result.Steps![^1];
                        toStages = true;
                    }

                    if (step.Group is not null)
                    {
                        throw JsonataException.Create("S0209", expr.Position);
                    }

                    var predicate = ProcessNode(expr.Rhs!);
                    if (predicate.SeekingParent is not null)
                    {
                        foreach (var slot in predicate.SeekingParent)
                        {
                            if (slot.Level == 1)
                            {
                                SeekParent(step, slot);
                            }
                            else
                            {
                                slot.Level--;
                            }
                        }

                        PushAncestry(step, predicate);
                    }

                    var stage = new Stage(predicate, null, expr.Position);
                    if (toStages)
                    {
                        (step.Stages ??= []).Add(stage);
                    }
                    else
                    {
                        (step.Predicates ??= []).Add(stage);
                    }

                    break;
                }

            case "{":
                {
                    result = ProcessNode(expr.Lhs!);
                    if (result.Group is not null)
                    {
                        throw JsonataException.Create("S0210", expr.Position);
                    }

                    var pairs = new List<(Node, Node)>();
                    foreach (var (k, v) in expr.Pairs!)
                    {
                        pairs.Add((ProcessNode(k), ProcessNode(v)));
                    }

                    result.Group = new GroupClause(pairs, expr.Position);
                    break;
                }

            case "^":
                {
                    result = ProcessNode(expr.Lhs!);
                    if (result.Type != NodeType.Path)
                    {
                        result = PathOf(result);
                    }

                    var sortStep = new Node(NodeType.Sort, "^", expr.Position) { Terms = [] };
                    foreach (var term in expr.Terms!)
                    {
                        var e = ProcessNode(term.Expression);
                        PushAncestry(sortStep, e);
                        sortStep.Terms.Add(new SortTerm(term.Descending, e));
                    }

                    result.Steps!.Add(sortStep);
                    ResolveAncestry(result);
                    break;
                }

            case ":=":
                result = new Node(NodeType.Bind, ":=", expr.Position) { Lhs = ProcessNode(expr.Lhs!), Rhs = ProcessNode(expr.Rhs!) };
                PushAncestry(result, result.Rhs!);
                break;
            case "@":
                {
                    result = ProcessNode(expr.Lhs!);
                    step = result;
                    if (result.Type == NodeType.Path)
                    {
                        step = result.Steps![^1];
                    }

                    if (step.Stages is not null || step.Predicates is not null)
                    {
                        throw JsonataException.Create("S0215", expr.Position);
                    }

                    if (step.Type == NodeType.Sort)
                    {
                        throw JsonataException.Create("S0216", expr.Position);
                    }

                    if (expr.KeepArray)
                    {
                        step.KeepArray = true;
                    }

                    step.Focus = expr.Rhs!.Text;
                    step.Tuple = true;
                    break;
                }

            case "#":
                {
                    result = ProcessNode(expr.Lhs!);
                    step = result;
                    if (result.Type == NodeType.Path)
                    {
                        step = result.Steps![^1];
                    }
                    else
                    {
                        result = PathOf(result);
                        if (step.Predicates is not null)
                        {
                            step.Stages = step.Predicates;
                            step.Predicates = null;
                        }
                    }

                    if (step.Stages is null)
                    {
                        step.Index = expr.Rhs!.Text;
                    }
                    else
                    {
                        step.Stages.Add(new Stage(null, expr.Rhs!.Text, expr.Position));
                    }

                    step.Tuple = true;
                    break;
                }

            case "~>":
                result = new Node(NodeType.Apply, "~>", expr.Position) { Lhs = ProcessNode(expr.Lhs!), Rhs = ProcessNode(expr.Rhs!) };
                result.KeepArray = result.Lhs!.KeepArray || result.Rhs!.KeepArray;
                break;
            default:
                result = new Node(NodeType.Binary, expr.Text, expr.Position) { Lhs = ProcessNode(expr.Lhs!), Rhs = ProcessNode(expr.Rhs!) };
                PushAncestry(result, result.Lhs!);
                PushAncestry(result, result.Rhs!);
                break;
        }

        return result;
    }

    private static Node TailCallOptimize(Node expr)
    {
        if (expr.Type == NodeType.Function && expr.Predicates is null)
        {
            return new Node(NodeType.Lambda, "thunk", expr.Position) { Thunk = true, Arguments = [], Body = expr };
        }

        if (expr.Type == NodeType.Condition)
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }

            return expr;
        }

        if (expr.Type == NodeType.Block && expr.Expressions!.Count > 0)
        {
            expr.Expressions[^1] = TailCallOptimize(expr.Expressions[^1]);
        }

        return expr;
    }
}
