using System.Collections.Immutable;
using System.Text.Json;

namespace SfnResume.Core.Asl;

/// <summary>
/// Finds repeated keys, which the node model cannot hold. A name repeated inside a <c>States</c> object
/// is a repeated state name (AWS: <c>DUPLICATE_STATE_NAME</c>); any other repeated key is reported as
/// malformed JSON.
/// </summary>
internal static class DuplicateNames
{
    private static readonly JsonDocumentOptions s_lenient = new() { AllowDuplicateProperties = true, MaxDepth = 512 };

    public static ImmutableArray<AslDiagnostic> Find(string json)
    {
        using var document = JsonDocument.Parse(json, s_lenient);
        var found = ImmutableArray.CreateBuilder<AslDiagnostic>();
        Walk(document.RootElement, "", parentField: null, found);
        return found.ToImmutable();
    }

    private static void Walk(JsonElement element, string location, string? parentField, ImmutableArray<AslDiagnostic>.Builder found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var child = AslLocation.Append(location, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        found.Add(parentField == "States"
                            ? new AslDiagnostic(AslDiagnosticCodes.DuplicateStateName, $"Duplicate State name: {property.Name}", child)
                            : new AslDiagnostic(AslDiagnosticCodes.InvalidJsonDescription, $"Duplicate field '{property.Name}'", child));
                    }

                    Walk(property.Value, child, property.Name, found);
                }

                break;
            case JsonValueKind.Array:
                // Elements print as Field[i] (AWS style): rebuild the array field's own segment with the index.
                var cut = location.LastIndexOf('/');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var child = parentField is null || cut < 0
                        ? location + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"
                        : AslLocation.Append(location[..cut], parentField, index);
                    Walk(item, child, null, found);
                    index++;
                }

                break;
        }
    }
}
