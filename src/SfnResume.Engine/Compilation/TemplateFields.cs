using System.Text.Json.Nodes;
using SfnResume.Core.Expressions;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Engine.Runtime;

namespace SfnResume.Engine.Compilation;

/// <summary>
/// A payload template field (<c>Parameters</c>, <c>ResultSelector</c>, <c>ItemSelector</c>): keys ending in
/// <c>.$</c> take a path or an intrinsic call, compiled once (https://states-language.net/#payload-template).
/// </summary>
internal sealed class TemplateField
{
    private readonly PayloadTemplate _template;

    private TemplateField(PayloadTemplate template, bool readsContext)
    {
        _template = template;
        ReadsContext = readsContext;
    }

    public bool ReadsContext { get; }

    public static TemplateField? Compile(JsonNode? template) =>
        template is null ? null : new TemplateField(PayloadTemplate.Compile(template), ContextUse.Mentions(template));

    /// <summary>Evaluates against <paramref name="input"/>; the result is a new tree the caller owns.</summary>
    public Payload Evaluate(Frame frame, Payload input, IIntrinsicRandom random) =>
        Payload.FromNode(_template.Evaluate(frame.Scope(input.Node, ReadsContext), random));

    public JsonNode? EvaluateNode(Frame frame, JsonNode? input, IIntrinsicRandom random) =>
        _template.Evaluate(frame.Scope(input, ReadsContext), random);
}

/// <summary>
/// JSONPath <c>Assign</c> (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): every
/// value is evaluated first (reading the variables as they were when the state was entered), then all are
/// assigned, and the history lists them as JSON text.
/// </summary>
internal sealed class AssignField
{
    private readonly PayloadTemplate _template;

    private AssignField(PayloadTemplate template, bool readsContext)
    {
        _template = template;
        ReadsContext = readsContext;
    }

    public bool ReadsContext { get; }

    public static AssignField? Compile(JsonNode? assign) =>
        assign is JsonObject ? new AssignField(PayloadTemplate.Compile(assign), ContextUse.Mentions(assign)) : null;

    /// <summary>Evaluates the values against <paramref name="input"/>; nothing is assigned yet.</summary>
    public PendingAssignment Evaluate(Frame frame, JsonNode? input, IIntrinsicRandom random)
    {
        var values = (JsonObject)_template.Evaluate(frame.Scope(input, ReadsContext), random)!;
        var names = new string[values.Count];
        var nodes = new JsonNode?[values.Count];
        var texts = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        var i = 0;
        foreach (var pair in values)
        {
            names[i] = pair.Key;
            nodes[i] = pair.Value;
            texts[pair.Key] = CompactJson.Write(pair.Value);
            i++;
        }

        // Detach the values from the evaluated object so the variables own them.
        values.Clear();
        return new PendingAssignment(names, nodes, texts);
    }
}

/// <summary>Evaluated <c>Assign</c> values, applied once the state's output is known.</summary>
internal sealed class PendingAssignment(string[] names, JsonNode?[] values, Dictionary<string, string> texts)
{
    /// <summary>The <c>assignedVariables</c> member of the Exited event.</summary>
    public IReadOnlyDictionary<string, string>? Texts => texts.Count == 0 ? null : texts;

    public void ApplyTo(VariableScope scope)
    {
        for (var i = 0; i < names.Length; i++)
        {
            scope.Set(names[i], values[i]);
        }
    }
}

/// <summary>Whether a field mentions the context object (<c>$$</c>), so the object is built only for states that read it.</summary>
internal static class ContextUse
{
    public static bool Mentions(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => Mentions(p.Value)),
        JsonArray array => array.Any(Mentions),
        JsonValue value => JsonNodes.TryGetString(value, out var s) && s.Contains("$$", StringComparison.Ordinal),
        _ => false,
    };

    public static bool Mentions(string? path) => path is not null && path.Contains("$$", StringComparison.Ordinal);
}
