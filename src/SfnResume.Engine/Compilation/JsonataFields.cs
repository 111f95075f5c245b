using System.Text.Json.Nodes;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// JSONata <c>Assign</c> (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): every
/// value is evaluated against the variables as they were when the state was entered; nothing is assigned until
/// the state exits.
/// </summary>
internal sealed class JsonataAssign
{
    private readonly (string Name, JsonataTemplate Value)[] _members;

    private JsonataAssign((string Name, JsonataTemplate Value)[] members) => _members = members;

    public bool ReadsContext => _members.Any(m => m.Value.ReadsContext);

    public static JsonataAssign? Compile(JsonNode? assign) =>
        assign is JsonObject obj
            ? new JsonataAssign([.. obj.Select(p => (p.Key, JsonataTemplate.CompileValue(p.Value, "Assign/" + p.Key)))])
            : null;

    public PendingAssignment Evaluate(JsonataScope scope)
    {
        var names = new string[_members.Length];
        var nodes = new JsonNode?[_members.Length];
        var texts = new Dictionary<string, string>(_members.Length, StringComparer.Ordinal);
        for (var i = 0; i < _members.Length; i++)
        {
            var (name, template) = _members[i];
            names[i] = name;
            nodes[i] = template.Evaluate(scope);
            texts[name] = CompactJson.Write(nodes[i]);
        }

        return new PendingAssignment(names, nodes, texts);
    }
}

/// <summary>A JSONata state's <c>Output</c> and <c>Assign</c>, evaluated together after the state's work.</summary>
internal sealed class JsonataOutcome
{
    private readonly JsonataTemplate? _output;
    private readonly JsonataAssign? _assign;

    private JsonataOutcome(JsonataTemplate? output, JsonataAssign? assign)
    {
        _output = output;
        _assign = assign;
    }

    public bool ReadsContext => (_output?.ReadsContext ?? false) || (_assign?.ReadsContext ?? false);

    /// <summary>Compiles the fields; <paramref name="hasOutput"/> tells a JSON null <c>Output</c> from an absent one.</summary>
    public static JsonataOutcome Compile(JsonNode? output, JsonNode? assign, bool hasOutput = false) =>
        new(hasOutput || output is not null ? JsonataTemplate.CompileValue(output, "Output") : null, JsonataAssign.Compile(assign));

    /// <summary>
    /// Evaluates <c>Assign</c> and <c>Output</c>; without <c>Output</c> the state's output is
    /// <paramref name="fallback"/> (the result for Task, Parallel and Map, the input for the others).
    /// </summary>
    public (Payload Output, PendingAssignment? Assigned) Evaluate(JsonataScope scope, Payload fallback)
    {
        var assigned = _assign?.Evaluate(scope);
        var output = _output is null ? fallback : Payload.FromNode(_output.Evaluate(scope));
        return (output, assigned);
    }
}
