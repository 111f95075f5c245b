using System.Collections.Frozen;

namespace SfnResume.Core.Expressions.Jsonata;

/// <summary>
/// Top-down operator precedence parser for JSONata, following the binding powers of the
/// reference implementation; its output is rewritten by <see cref="AstProcessor"/>.
/// </summary>
internal sealed class Parser
{
    private static readonly FrozenDictionary<string, int> s_bindingPowers = new Dictionary<string, int>
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0,
        ["@"] = 80, ["#"] = 80, [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60,
        ["/"] = 60, ["%"] = 60, ["|"] = 20, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60,
        [".."] = 20, [":="] = 10, ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40,
        ["??"] = 40, ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Symbols whose left binding power is non-zero in the parser (infix operators); other
    // operator tokens (',', ')', ':', '..', '|' ...) only terminate expressions.
    private static readonly FrozenSet<string> s_infix = new[]
    {
        ".", "[", "{", "(", "@", "#", "?", "+", "-", "*", "/", "%", "=", "<", ">", "^", ":=", "!=", "<=", ">=",
        "~>", "?:", "??", "and", "or", "in", "&",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> s_known = new[]
    {
        ".", "[", "]", "{", "}", "(", ")", ",", "@", "#", ";", ":", "?", "+", "-", "*", "/", "%", "|", "=", "<", ">",
        "^", "**", "..", ":=", "!=", "<=", ">=", "~>", "?:", "??", "and", "or", "in", "&",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly string _source;
    private readonly Lexer _lexer;
    private Token _token;

    private Parser(string source)
    {
        _source = source;
        _lexer = new Lexer(source);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(null, false);
        var expr = parser.Expression(0);
        if (parser._token.Kind != TokenKind.End)
        {
            throw JsonataException.Create("S0201", parser._token.Position, parser._token.Text);
        }

        return new AstProcessor().Process(expr);
    }

    private string Id => _token.Kind switch
    {
        TokenKind.Operator => _token.Text,
        TokenKind.End => "(end)",
        _ => "(" + _token.Kind + ")",
    };

    private int LeftBindingPower =>
        _token.Kind == TokenKind.Operator && s_infix.Contains(_token.Text) ? s_bindingPowers[_token.Text] : 0;

    private Token Advance(string? id, bool infix)
    {
        if (id is not null && (_token.Kind != TokenKind.Operator || _token.Text != id))
        {
            var code = _token.Kind == TokenKind.End ? "S0203" : "S0202";
            throw JsonataException.Create(code, _token.Position, _token.Kind == TokenKind.End ? null : _token.Text, id);
        }

        var previous = _token;
        var next = _lexer.Next(infix);
        if (next.Kind == TokenKind.Operator && !s_known.Contains(next.Text))
        {
            throw JsonataException.Create("S0204", next.Position, next.Text);
        }

        _token = next;
        return previous;
    }

    private bool IsOp(string text) => _token.Kind == TokenKind.Operator && _token.Text == text;

    private Node Expression(int rbp)
    {
        var t = _token;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < LeftBindingPower)
        {
            t = _token;
            Advance(null, false);
            left = Led(t, left);
        }

        return left;
    }

    private Node Nud(Token t)
    {
        switch (t.Kind)
        {
            case TokenKind.Name:
                return new Node(NodeType.Name, t.Text, t.Position);
            case TokenKind.Variable:
                return new Node(NodeType.Variable, t.Text, t.Position);
            case TokenKind.String:
                return new Node(NodeType.String, t.Text, t.Position) { Literal = t.Value };
            case TokenKind.Number:
                return new Node(NodeType.Number, t.Text, t.Position) { Literal = t.Value };
            case TokenKind.Value:
                return new Node(NodeType.Value, t.Text, t.Position) { Literal = t.Value };
            case TokenKind.Regex:
                return new Node(NodeType.Regex, t.Text, t.Position) { Literal = t.Value };
            case TokenKind.End:
                return new Node(NodeType.End, "(end)", t.Position);
        }

        switch (t.Text)
        {
            case "and":
            case "or":
            case "in":
                return new Node(NodeType.Operator, t.Text, t.Position);
            case "-":
                return new Node(NodeType.Unary, "-", t.Position) { Expression = Expression(70) };
            case "*":
                return new Node(NodeType.Wildcard, "*", t.Position);
            case "**":
                return new Node(NodeType.Descendant, "**", t.Position);
            case "%":
                return new Node(NodeType.Parent, "%", t.Position);
            case "(":
                {
                    var expressions = new List<Node>();
                    while (!IsOp(")"))
                    {
                        expressions.Add(Expression(0));
                        if (!IsOp(";"))
                        {
                            break;
                        }

                        Advance(";", false);
                    }

                    Advance(")", true);
                    return new Node(NodeType.Block, "(", t.Position) { Expressions = expressions };
                }

            case "[":
                {
                    var items = new List<Node>();
                    if (!IsOp("]"))
                    {
                        while (true)
                        {
                            var item = Expression(0);
                            if (IsOp(".."))
                            {
                                var range = new Node(NodeType.Binary, "..", _token.Position) { Lhs = item };
                                Advance("..", false);
                                range.Rhs = Expression(0);
                                item = range;
                            }

                            items.Add(item);
                            if (!IsOp(","))
                            {
                                break;
                            }

                            Advance(",", false);
                        }
                    }

                    Advance("]", true);
                    return new Node(NodeType.Unary, "[", t.Position) { Expressions = items };
                }

            case "{":
                return new Node(NodeType.Unary, "{", t.Position) { Pairs = ObjectPairs() };
            case "|":
                {
                    var node = new Node(NodeType.Transform, "|", t.Position) { Pattern = Expression(0) };
                    Advance("|", false);
                    node.Update = Expression(0);
                    if (IsOp(","))
                    {
                        Advance(",", false);
                        node.Delete = Expression(0);
                    }

                    Advance("|", false);
                    return node;
                }

            default:
                throw JsonataException.Create("S0211", t.Position, t.Text);
        }
    }

    private List<(Node, Node)> ObjectPairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!IsOp("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Advance(":", false);
                var value = Expression(0);
                pairs.Add((key, value));
                if (!IsOp(","))
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance("}", true);
        return pairs;
    }

    private Node Led(Token t, Node left)
    {
        var bp = s_bindingPowers[t.Text];
        switch (t.Text)
        {
            case "(":
                return Call(t, left);
            case "[":
                if (IsOp("]"))
                {
                    var step = left;
                    while (step.Type == NodeType.Binary && step.Text == "[")
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]", false);
                    return left;
                }
                else
                {
                    var node = new Node(NodeType.Binary, "[", t.Position) { Lhs = left, Rhs = Expression(0) };
                    Advance("]", true);
                    return node;
                }

            case "{":
                return new Node(NodeType.Binary, "{", t.Position) { Lhs = left, Pairs = ObjectPairs() };
            case "^":
                {
                    Advance("(", false);
                    var terms = new List<SortTerm>();
                    while (true)
                    {
                        var descending = false;
                        if (IsOp("<"))
                        {
                            Advance("<", false);
                        }
                        else if (IsOp(">"))
                        {
                            descending = true;
                            Advance(">", false);
                        }

                        terms.Add(new SortTerm(descending, Expression(0)));
                        if (!IsOp(","))
                        {
                            break;
                        }

                        Advance(",", false);
                    }

                    Advance(")", false);
                    return new Node(NodeType.Binary, "^", t.Position) { Lhs = left, Terms = terms };
                }

            case ":=":
                {
                    if (left.Type != NodeType.Variable)
                    {
                        throw JsonataException.Create("S0212", t.Position, t.Text);
                    }

                    return new Node(NodeType.Binary, ":=", t.Position) { Lhs = left, Rhs = Expression(bp - 1) };
                }

            case "@":
            case "#":
                {
                    var rhs = Expression(bp);
                    if (rhs.Type != NodeType.Variable)
                    {
                        throw JsonataException.Create("S0214", rhs.Position, t.Text);
                    }

                    return new Node(NodeType.Binary, t.Text, t.Position) { Lhs = left, Rhs = rhs };
                }

            case "?":
                {
                    var node = new Node(NodeType.Condition, "?", t.Position) { Condition = left, Then = Expression(0) };
                    if (IsOp(":"))
                    {
                        Advance(":", false);
                        node.Else = Expression(0);
                    }

                    return node;
                }

            case "?:":
                return new Node(NodeType.Condition, "?:", t.Position) { Condition = left.DeepCopy(), Then = left, Else = Expression(0) };
            case "??":
                {
                    var exists = new Node(NodeType.Function, "(", t.Position)
                    {
                        Procedure = new Node(NodeType.Variable, "exists", t.Position),
                        Arguments = [left.DeepCopy()],
                    };
                    return new Node(NodeType.Condition, "??", t.Position) { Condition = exists, Then = left, Else = Expression(0) };
                }

            default:
                return new Node(NodeType.Binary, t.Text, t.Position) { Lhs = left, Rhs = Expression(bp) };
        }
    }

    private Node Call(Token t, Node left)
    {
        var node = new Node(NodeType.Function, "(", t.Position) { Procedure = left, Arguments = [] };
        if (!IsOp(")"))
        {
            while (true)
            {
                if (_token.Kind == TokenKind.Operator && _token.Text == "?")
                {
                    node.Type = NodeType.Partial;
                    node.Arguments.Add(new Node(NodeType.Operator, "?", _token.Position));
                    Advance("?", false);
                }
                else
                {
                    node.Arguments.Add(Expression(0));
                }

                if (!IsOp(","))
                {
                    break;
                }

                Advance(",", false);
            }
        }

        Advance(")", true);
        if (left.Type == NodeType.Name && (left.Text == "function" || left.Text == "\u03BB"))
        {
            for (var i = 0; i < node.Arguments.Count; i++)
            {
                var arg = node.Arguments[i];
                if (arg.Type != NodeType.Variable)
                {
                    throw JsonataException.Create("S0208", arg.Position, arg.Text, (double)(i + 1));
                }
            }

            node.Type = NodeType.Lambda;
            if (IsOp("<"))
            {
                var sigPos = _token.Position;
                var depth = 1;
                var sig = "<";
                while (depth > 0 && !IsOp("{") && _token.Kind != TokenKind.End)
                {
                    Advance(null, false);
                    var tok = _token;
                    if (tok.Kind == TokenKind.Operator && tok.Text == ">")
                    {
                        depth--;
                    }
                    else if (tok.Kind == TokenKind.Operator && tok.Text == "<")
                    {
                        depth++;
                    }

                    sig += tok.Text;
                }

                Advance(">", false);
                node.Signature = Signature.Parse(sig, sigPos);
            }

            Advance("{", false);
            node.Body = Expression(0);
            Advance("}", false);
        }

        return node;
    }

    public override string ToString() => _source;
}
