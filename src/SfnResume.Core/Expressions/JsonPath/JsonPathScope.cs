using System.Text.Json.Nodes;

namespace SfnResume.Core.Expressions.JsonPath;

/// <summary>
/// The documents a path may read: <c>$</c> (input), <c>$$</c> (context object) and <c>$name</c> (variables).
/// A small value type so that evaluation allocates nothing for it.
/// </summary>
public readonly struct JsonPathScope
{
    public JsonPathScope(JsonNode? input, JsonNode? context = null, IJsonPathVariables? variables = null)
    {
        Input = input;
        Context = context;
        Variables = variables;
    }

    /// <summary>The document <c>$</c> refers to.</summary>
    public JsonNode? Input { get; }

    /// <summary>The context object <c>$$</c> refers to; null when none is available.</summary>
    public JsonNode? Context { get; }

    /// <summary>The variables <c>$name</c> refers to; null when none are in scope.</summary>
    public IJsonPathVariables? Variables { get; }

    /// <summary>The same scope reading a different input document (e.g. ResultSelector reads the task result).</summary>
    public JsonPathScope WithInput(JsonNode? input) => new(input, Context, Variables);
}
