using SfnResume.Core.Asl;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// Turns a parsed definition into nodes: one per state, expressions parsed once, transitions resolved to node
/// references. States that need something this engine does not run (JSONata, services other than Lambda,
/// S3-backed maps) are refused here, before anything runs.
/// </summary>
internal static class StateMachineCompiler
{
    public static CompiledStateMachine Compile(StateMachineDefinition definition, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var random = new EngineRandom(options);
        return new CompiledStateMachine(definition, CompileScope(definition.Root, options, random), options);
    }

    private static CompiledScope CompileScope(StateScope scope, EngineOptions options, EngineRandom random)
    {
        var nodes = new Dictionary<string, StateNode>(scope.States.Length, StringComparer.Ordinal);
        var ordered = new List<StateNode>(scope.States.Length);
        foreach (var state in scope.States)
        {
            var node = CompileState(state, options, random);
            nodes[state.Name] = node;
            ordered.Add(node);
        }

        StateNode Resolve(string name) =>
            nodes.TryGetValue(name, out var target)
                ? target
                : throw new InvalidOperationException("State '" + name + "' is not defined in " + (scope.IsRoot ? "the state machine" : scope.ToString()) + ".");

        foreach (var state in scope.States)
        {
            var node = nodes[state.Name];
            if (state.Transition?.NextState is { } next)
            {
                node.Next = Resolve(next);
            }

            switch (node)
            {
                case ChoiceNode choice:
                    choice.Link(Resolve);
                    break;
                case WorkStateNode work:
                    work.Handling.Link(Resolve);
                    break;
            }

            switch (state)
            {
                case ParallelState parallel:
                    ((ParallelNode)node).Branches = [.. parallel.Branches.Select(b => CompileScope(b, options, random))];
                    break;
                case MapState map:
                    ((MapNode)node).Processor = CompileScope(map.Processor, options, random);
                    break;
            }
        }

        return new CompiledScope(Resolve(scope.StartAt), ordered);
    }

    private static StateNode CompileState(StateDefinition state, EngineOptions options, EngineRandom random)
    {
        return state switch
        {
            PassState pass => new PassNode(pass, random),
            TaskState task => new TaskNode(task, new ErrorHandling(task.Name, task.Retry, task.Catch, options, task.IsJsonata), random),
            ChoiceState choice => new ChoiceNode(choice, random),
            WaitState wait => new WaitNode(wait, random),
            SucceedState succeed => new SucceedNode(succeed),
            FailState fail => new FailNode(fail, random),
            ParallelState parallel => new ParallelNode(parallel, new ErrorHandling(parallel.Name, parallel.Retry, parallel.Catch, options, parallel.IsJsonata), random),
            MapState map => new MapNode(map, new ErrorHandling(map.Name, map.Retry, map.Catch, options, map.IsJsonata), random),
            _ => throw new NotSupportedException("State '" + state.Name + "' has an unknown type."),
        };
    }
}
