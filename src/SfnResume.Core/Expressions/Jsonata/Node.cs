namespace SfnResume.Core.Expressions.Jsonata;

internal enum NodeType
{
    Path,
    Binary,
    Unary,
    Name,
    String,
    Number,
    Value,
    Wildcard,
    Descendant,
    Parent,
    Condition,
    Block,
    Bind,
    Regex,
    Function,
    Partial,
    Variable,
    Lambda,
    Apply,
    Transform,
    Sort,
    Operator,
    End,
}

/// <summary>A filter or index stage attached to a path step.</summary>
internal sealed class Stage
{
    public Stage(Node? filter, string? index, int position)
    {
        Filter = filter;
        Index = index;
        Position = position;
    }

    public Node? Filter { get; }

    public string? Index { get; }

    public int Position { get; }
}

internal sealed class SortTerm
{
    public SortTerm(bool descending, Node expression)
    {
        Descending = descending;
        Expression = expression;
    }

    public bool Descending { get; }

    public Node Expression { get; set; }
}

/// <summary>A grouping clause <c>{k: v, ...}</c>, either an object constructor or applied to a path.</summary>
internal sealed class GroupClause
{
    public GroupClause(List<(Node Key, Node Value)> pairs, int position)
    {
        Pairs = pairs;
        Position = position;
    }

    public List<(Node Key, Node Value)> Pairs { get; }

    public int Position { get; }
}

/// <summary>An ancestor slot resolved by the '%' (parent) operator.</summary>
internal sealed class AncestorSlot
{
    public AncestorSlot(string label, int level, int index)
    {
        Label = label;
        Level = level;
        Index = index;
    }

    public string Label { get; set; }

    public int Level { get; set; }

    public int Index { get; }
}

/// <summary>
/// One node of the parsed expression. The parser builds these once; after the post-parse pass
/// (<see cref="AstProcessor"/>) the tree is read-only and shared by every evaluation.
/// </summary>
internal sealed class Node
{
    private static readonly object s_noBuiltin = new();
    private object? _builtinStandard;
    private object? _builtinStepFunctions;

    public Node(NodeType type, string text, int position)
    {
        Type = type;
        Text = text;
        Position = position;
    }

    public NodeType Type { get; set; }

    /// <summary>Operator symbol, name, or variable name.</summary>
    public string Text { get; set; }

    public int Position { get; set; }

    /// <summary>Literal value for String, Number, Value and Regex nodes.</summary>
    public object? Literal { get; set; }

    public Node? Lhs { get; set; }

    public Node? Rhs { get; set; }

    public Node? Expression { get; set; }

    public List<Node>? Expressions { get; set; }

    public List<(Node Key, Node Value)>? Pairs { get; set; }

    public List<SortTerm>? Terms { get; set; }

    public Node? Condition { get; set; }

    public Node? Then { get; set; }

    public Node? Else { get; set; }

    public Node? Procedure { get; set; }

    public List<Node>? Arguments { get; set; }

    public Node? Body { get; set; }

    public Signature? Signature { get; set; }

    public Node? Pattern { get; set; }

    public Node? Update { get; set; }

    public Node? Delete { get; set; }

    public List<Node>? Steps { get; set; }

    public List<Stage>? Predicates { get; set; }

    public List<Stage>? Stages { get; set; }

    public GroupClause? Group { get; set; }

    public bool KeepArray { get; set; }

    public bool KeepSingletonArray { get; set; }

    public bool ConsArray { get; set; }

    public bool Tuple { get; set; }

    public bool Thunk { get; set; }

    public string? Focus { get; set; }

    public string? Index { get; set; }

    public AncestorSlot? Ancestor { get; set; }

    public AncestorSlot? Slot { get; set; }

    public List<AncestorSlot>? SeekingParent { get; set; }

    /// <summary>
    /// For Path nodes: true when the path is a variable or name followed only by plain field names
    /// (no predicates, bindings, grouping or array flags), so it can be walked without sequences.
    /// Computed on first evaluation, after the post-parse pass has finished shaping the tree.
    /// </summary>
    public bool? SimplePath { get; set; }

    /// <summary>
    /// The built-in function a Variable node names, for either function set: looked up once, then kept
    /// (a single reference write, so concurrent evaluations may both look it up but never see half a value).
    /// </summary>
    public NativeFunction? Builtin(bool stepFunctions)
    {
        var found = stepFunctions ? _builtinStepFunctions : _builtinStandard;
        if (found is null)
        {
            found = Builtins.Find(Text, stepFunctions) ?? s_noBuiltin;
            if (stepFunctions)
            {
                _builtinStepFunctions = found;
            }
            else
            {
                _builtinStandard = found;
            }
        }

        return found as NativeFunction;
    }

    public Node ShallowCopy() => (Node)MemberwiseClone();

    public Node DeepCopy()
    {
        var copy = ShallowCopy();
        copy.Lhs = Lhs?.DeepCopy();
        copy.Rhs = Rhs?.DeepCopy();
        copy.Expression = Expression?.DeepCopy();
        copy.Expressions = Expressions?.Select(e => e.DeepCopy()).ToList();
        copy.Pairs = Pairs?.Select(p => (p.Key.DeepCopy(), p.Value.DeepCopy())).ToList();
        copy.Terms = Terms?.Select(t => new SortTerm(t.Descending, t.Expression.DeepCopy())).ToList();
        copy.Condition = Condition?.DeepCopy();
        copy.Then = Then?.DeepCopy();
        copy.Else = Else?.DeepCopy();
        copy.Procedure = Procedure?.DeepCopy();
        copy.Arguments = Arguments?.Select(e => e.DeepCopy()).ToList();
        copy.Body = Body?.DeepCopy();
        copy.Pattern = Pattern?.DeepCopy();
        copy.Update = Update?.DeepCopy();
        copy.Delete = Delete?.DeepCopy();
        copy.Steps = Steps?.Select(e => e.DeepCopy()).ToList();
        return copy;
    }
}
