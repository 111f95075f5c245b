using SfnResume.Core.Asl;
using SfnResume.Core.History;

namespace SfnResume.Core.Graph;

/// <summary>
/// Pictures of a state machine as text: Mermaid for Markdown and GitHub, DOT for Graphviz. With a timeline the
/// states are coloured by what the execution did (and Parallel/Map states count their branches or iterations);
/// with plan marks, by what a resume will do. Pure: no files, no processes.
/// </summary>
public static class GraphRenderer
{
    /// <summary>A Mermaid <c>flowchart TD</c>.</summary>
    /// <param name="timeline">The execution to colour by, or null for the bare definition.</param>
    /// <param name="marks">
    /// What a resume does per state, keyed by state name or by path (<see cref="PathOf"/>); when given, it decides
    /// the colours and the timeline only adds counts. States without a mark keep the default look.
    /// </param>
    public static string Mermaid(StateMachineDefinition definition, ExecutionTimeline? timeline = null, IReadOnlyDictionary<string, PlanMark>? marks = null) =>
        MermaidWriter.Write(GraphBuilder.Build(definition, timeline, marks));

    /// <summary>A Graphviz <c>digraph</c>, ready for <c>dot -Tsvg</c>.</summary>
    /// <param name="title">The graph's name, e.g. the state machine's.</param>
    public static string Dot(StateMachineDefinition definition, ExecutionTimeline? timeline = null, IReadOnlyDictionary<string, PlanMark>? marks = null, string title = "state machine") =>
        DotWriter.Write(GraphBuilder.Build(definition, timeline, marks), title);

    /// <summary>
    /// The path key of a state for <c>marks</c>: the name at the top level, else owners and branches from the top,
    /// as resume plans print them: <c>Outer/branch 1/Inner</c>, <c>Fan/item processor/Transform</c>.
    /// </summary>
    public static string PathOf(StateLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return GraphBuilder.PathOf(location.Scope, location.State.Name);
    }
}
