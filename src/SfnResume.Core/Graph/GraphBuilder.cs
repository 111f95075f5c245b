using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Core.Graph;

/// <summary>
/// Turns a definition, optionally with what an execution did and what a resume will do, into a
/// <see cref="GraphModel"/>. Ids are generated (<c>s0</c>, <c>s1</c> ... in declaration order), never taken from
/// state names, so any name is safe in any output format.
/// </summary>
internal sealed class GraphBuilder
{
    private readonly StateOutcomes? _outcomes;
    private readonly IReadOnlyDictionary<string, PlanMark>? _marks;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<GraphEdge> _edges = [];
    private int _scopeCount;

    private GraphBuilder(StateOutcomes? outcomes, IReadOnlyDictionary<string, PlanMark>? marks)
    {
        _outcomes = outcomes;
        _marks = marks;
    }

    public static GraphModel Build(StateMachineDefinition definition, ExecutionTimeline? timeline, IReadOnlyDictionary<string, PlanMark>? marks)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var builder = new GraphBuilder(timeline is null ? null : new StateOutcomes(timeline), marks);
        var stateIndex = 0;
        foreach (var location in definition.AllStates)
        {
            builder._ids[location.State.Name] = "s" + stateIndex++;
        }

        var root = builder.Scope(definition.Root, null);
        return new GraphModel(root, builder._edges);
    }

    /// <summary>
    /// The key a plan overlay may use for a state: its name at the top level, else the way to it through
    /// owners and branches, as resume plans print it: <c>Outer/branch 1/Inner</c>, <c>Fan/item processor/Transform</c>.
    /// </summary>
    public static string PathOf(StateScope scope, string stateName) =>
        string.Concat(scope.Path.Select(Segment)) + stateName;

    private static string Segment(ScopeSegment segment) =>
        segment.BranchIndex is { } i ? $"{segment.StateName}/branch {i}/" : $"{segment.StateName}/item processor/";

    private GraphScope Scope(StateScope scope, string? title)
    {
        var number = _scopeCount++;
        var start = "begin" + number;
        var end = "fin" + number;
        var graphScope = new GraphScope("c" + number, title, [], []);
        graphScope.Nodes.Add(new GraphNode(start, [scope.IsRoot ? "Start" : "start"], NodeShape.Start, NodeClass.None));
        // A definition with errors may name a StartAt that does not exist; draw what is there.
        if (_ids.TryGetValue(scope.StartAt, out var first))
        {
            _edges.Add(new GraphEdge(start, first, null, EdgeKind.Transition));
        }

        var reachesEnd = false;
        foreach (var state in scope.States)
        {
            var id = _ids[state.Name];
            graphScope.Nodes.Add(new GraphNode(id, Lines(state), Shape(state), ClassOf(scope, state.Name)));
            reachesEnd |= Edges(state, id, end);
            var branchIndex = 0;
            foreach (var child in state.ChildScopes)
            {
                var childTitle = state is MapState ? $"{state.Name}/item processor" : $"{state.Name}/branch {branchIndex}";
                var childScope = Scope(child, childTitle);
                graphScope.Children.Add(childScope);
                _edges.Add(new GraphEdge(id, childScope.Nodes[0].Id, null, EdgeKind.Nested));
                branchIndex++;
            }
        }

        if (reachesEnd)
        {
            graphScope.Nodes.Add(new GraphNode(end, [scope.IsRoot ? "End" : "end"], NodeShape.End, NodeClass.None));
        }

        return graphScope;
    }

    /// <summary>Adds the state's outgoing edges; true when it can finish its scope.</summary>
    private bool Edges(StateDefinition state, string id, string end)
    {
        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Length; i++)
            {
                if (choice.Choices[i].Next is { } next && _ids.TryGetValue(next, out var to))
                {
                    _edges.Add(new GraphEdge(id, to, ChoiceLabels.Of(choice.Choices[i], i + 1), EdgeKind.Transition));
                }
            }

            if (choice.Default is { } fallback && _ids.TryGetValue(fallback, out var defaultTo))
            {
                _edges.Add(new GraphEdge(id, defaultTo, "default", EdgeKind.Transition));
            }

            return false;
        }

        if (state.Transition?.NextState is { } nextState && _ids.TryGetValue(nextState, out var nextId))
        {
            _edges.Add(new GraphEdge(id, nextId, null, EdgeKind.Transition));
        }

        foreach (var catcher in state.Catch)
        {
            if (_ids.TryGetValue(catcher.Next, out var catchTo))
            {
                _edges.Add(new GraphEdge(id, catchTo, string.Join(", ", catcher.ErrorEquals), EdgeKind.Catch));
            }
        }

        if (state.IsTerminal)
        {
            _edges.Add(new GraphEdge(id, end, null, EdgeKind.Transition));
            return true;
        }

        return false;
    }

    private List<string> Lines(StateDefinition state)
    {
        var lines = new List<string> { state.Name };
        if (_outcomes is not null)
        {
            lines.AddRange(_outcomes.Details(state.Name));
        }

        return lines;
    }

    private NodeClass ClassOf(StateScope scope, string name)
    {
        if (_marks is not null)
        {
            var found = _marks.TryGetValue(PathOf(scope, name), out var mark) || _marks.TryGetValue(name, out mark);
            return !found ? NodeClass.None : mark switch
            {
                PlanMark.Skip => NodeClass.Skip,
                PlanMark.Reuse => NodeClass.Reuse,
                PlanMark.RunAgain => NodeClass.RunAgain,
                _ => NodeClass.ResumeHere,
            };
        }

        return _outcomes?.ClassOf(name) ?? NodeClass.None;
    }

    private static NodeShape Shape(StateDefinition state) => state.Type switch
    {
        StateType.Pass => NodeShape.Pass,
        StateType.Wait => NodeShape.Wait,
        StateType.Choice => NodeShape.Choice,
        StateType.Succeed => NodeShape.Succeed,
        StateType.Fail => NodeShape.Fail,
        StateType.Parallel => NodeShape.Parallel,
        StateType.Map => NodeShape.Map,
        _ => NodeShape.Task,
    };
}
