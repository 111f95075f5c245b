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
    private bool _compact;

    private Payload(JsonNode? node, string? text, bool shared, bool compact = false)
    {
        _node = node;
        _text = text;
        IsShared = shared;
        _compact = compact;
    }

    /// <summary>
    /// True when the node may be referenced elsewhere (a Parallel branch input, a Map item, a variable): it must
    /// be copied before it is changed.
    /// </summary>
    public bool IsShared { get; }

    public static Payload FromNode(JsonNode? node, bool shared = false) => new(node, null, shared);

    /// <summary>A payload for <paramref name="node"/> whose JSON text is already known (<paramref name="text"/>).</summary>
    public static Payload FromNode(JsonNode? node, string? text, bool shared) => new(node, text, shared);

    /// <summary>A payload for <paramref name="node"/> whose text is known to be exactly what <see cref="CompactJson"/> writes for it.</summary>
    public static Payload FromCompactText(JsonNode? node, string text) => new(node, text, shared: false, compact: true);

    public JsonNode? Node => _node;

    /// <summary>Compact JSON text (or the text the value arrived with).</summary>
    public string Text
    {
        get
        {
            if (_text is null)
            {
                _text = CompactJson.Write(_node);
                _compact = true;
            }

            return _text;
        }
    }

    /// <summary>
    /// True when <see cref="Text"/> is (or will be) exactly what <see cref="CompactJson"/> writes for the node, so a
    /// text for a changed copy can be built from it; false for text that arrived with the value (caller's spacing).
    /// </summary>
    public bool HasCompactText => _text is null || _compact;

    /// <summary>True when <paramref name="node"/> is this payload's node (so its text still applies).</summary>
    public bool Holds(JsonNode? node) => ReferenceEquals(_node, node);

    /// <summary>A payload for <paramref name="node"/> that reuses this payload's text when the node is the same.</summary>
    public Payload With(JsonNode? node, bool shared) =>
        Holds(node) ? (shared == IsShared ? this : new Payload(node, _text, shared, _compact)) : new Payload(node, null, shared);
}
