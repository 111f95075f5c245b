using System.Text.Json.Nodes;

namespace SfnResume.Engine.Runtime;

/// <summary>
/// A value moving between states, as a node, as JSON text, or both. AWS hands text it did not transform to the
/// next step unchanged (the execution input keeps the caller's spacing; a Parallel result is its branches' texts
/// joined), so a payload keeps the text it came with and serialises a node only when no text is known.
/// </summary>
internal sealed class Payload
{
    private readonly JsonNode? _node;
    private string? _text;

    private Payload(JsonNode? node, string? text, bool shared)
    {
        _node = node;
        _text = text;
        IsShared = shared;
    }

    /// <summary>
    /// True when the node may be referenced elsewhere (a Parallel branch input, a Map item, a variable): it must
    /// be copied before it is changed.
    /// </summary>
    public bool IsShared { get; }

    public static Payload FromNode(JsonNode? node, bool shared = false) => new(node, null, shared);

    /// <summary>A payload for <paramref name="node"/> whose JSON text is already known (<paramref name="text"/>).</summary>
    public static Payload FromNode(JsonNode? node, string? text, bool shared) => new(node, text, shared);

    public JsonNode? Node => _node;

    /// <summary>Compact JSON text (or the text the value arrived with).</summary>
    public string Text => _text ??= CompactJson.Write(_node);

    /// <summary>True when <paramref name="node"/> is this payload's node (so its text still applies).</summary>
    public bool Holds(JsonNode? node) => ReferenceEquals(_node, node);

    /// <summary>A payload for <paramref name="node"/> that reuses this payload's text when the node is the same.</summary>
    public Payload With(JsonNode? node, bool shared) =>
        Holds(node) ? (shared == IsShared ? this : new Payload(node, _text, shared)) : new Payload(node, null, shared);
}
