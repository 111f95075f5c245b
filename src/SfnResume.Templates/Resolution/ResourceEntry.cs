using System.Text.Json.Nodes;

namespace SfnResume.Templates.Resolution;

/// <summary>One resource of the template, unresolved. <see cref="Implicit"/> marks resources SAM would add (the
/// execution role of a function or state machine that names none).</summary>
internal sealed record ResourceEntry(
    string LogicalId,
    string Type,
    JsonObject? Properties,
    JsonObject? Metadata,
    string? Condition,
    bool Implicit);

/// <summary>What other resources see of a resource: its physical id, what <c>Ref</c> returns, and its attributes.
/// <see cref="KnownType"/> means the attribute list is complete, so an unknown attribute is an error.</summary>
internal sealed record ResourceIdentity(
    string PhysicalId,
    string RefValue,
    IReadOnlyDictionary<string, string> Attributes,
    bool KnownType);
