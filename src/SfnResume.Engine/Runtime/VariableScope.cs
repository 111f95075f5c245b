using System.Text.Json.Nodes;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// Workflow variables of one scope (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html):
/// the top level, or one Parallel branch / Map iteration. Inner scopes read outer variables; their own assignments
/// stay inside and vanish when the branch or iteration ends.
/// </summary>
internal sealed class VariableScope : IJsonPathVariables
{
    private readonly VariableScope? _parent;
    private Dictionary<string, JsonNode?>? _values;

    public VariableScope(VariableScope? parent) => _parent = parent;

    public bool TryGetVariable(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._values is not null && scope._values.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Stores a value this scope now owns (callers detach borrowed nodes first).</summary>
    public void Set(string name, JsonNode? value) => (_values ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal))[name] = value;
}
