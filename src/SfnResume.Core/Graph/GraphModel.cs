namespace SfnResume.Core.Graph;

/// <summary>How a node is drawn; each writer maps it to its own shape names.</summary>
internal enum NodeShape
{
    Start,
    End,
    Task,
    Pass,
    Wait,
    Choice,
    Succeed,
    Fail,
    Parallel,
    Map,
}

/// <summary>The colour class of a node: what happened to it in the execution, or what the resume will do.</summary>
internal enum NodeClass
{
    None,
    Succeeded,
    Failed,
    Caught,
    Aborted,
    NotFinished,
    NotReached,
    Skip,
    Reuse,
    RunAgain,
    ResumeHere,
}

internal enum EdgeKind
{
    /// <summary>Next, a Choice rule or Default.</summary>
    Transition,

    /// <summary>A Catch: taken only on an error.</summary>
    Catch,

    /// <summary>From a Parallel or Map state into one of its branches or its item processor.</summary>
    Nested,
}

/// <param name="Lines">The state name first, then details (counts); never empty.</param>
internal sealed record GraphNode(string Id, IReadOnlyList<string> Lines, NodeShape Shape, NodeClass Class);

internal sealed record GraphEdge(string From, string To, string? Label, EdgeKind Kind);

/// <summary>The root of the machine, one Parallel branch or one Map processor, with the scopes nested in it.</summary>
internal sealed record GraphScope(string Id, string? Title, List<GraphNode> Nodes, List<GraphScope> Children);

/// <summary>A drawing-agnostic picture of a state machine: what both the Mermaid and the DOT writer render.</summary>
internal sealed record GraphModel(GraphScope Root, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>Every node at any depth, scopes in order.</summary>
    public IEnumerable<GraphNode> AllNodes => Walk(Root);

    /// <summary>The colour classes some node has, in palette order: what a legend lists.</summary>
    public IReadOnlyList<NodeClass> UsedClasses
    {
        get
        {
            var used = AllNodes.Select(n => n.Class).ToHashSet();
            return GraphPalette.All.Select(p => p.Class).Where(used.Contains).ToList();
        }
    }

    private static IEnumerable<GraphNode> Walk(GraphScope scope) =>
        scope.Nodes.Concat(scope.Children.SelectMany(Walk));
}
