using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>Read access to workflow variables for <c>$name</c> paths. The engine implements scope chains.</summary>
public interface IJsonPathVariables
{
    /// <summary>
    /// Looks a variable up. Returns false when it is not defined; a defined variable holding JSON null
    /// returns true with a null <paramref name="value"/>. The returned node is borrowed: do not mutate it.
    /// </summary>
    bool TryGetVariable(string name, out JsonNode? value);
}

/// <summary>An <see cref="IJsonPathVariables"/> over a plain dictionary (tests, single-scope callers).</summary>
public sealed class JsonPathVariables : IJsonPathVariables
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _values;

    public JsonPathVariables(IReadOnlyDictionary<string, JsonNode?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    public bool TryGetVariable(string name, out JsonNode? value) => _values.TryGetValue(name, out value);
}
