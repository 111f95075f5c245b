using System.Globalization;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>
/// Diagnostic locations written the way AWS writes them: a slash-separated path from the root with
/// array elements as <c>Field[i]</c> and names unescaped, e.g. <c>/States/T/Catch[0]/Next</c> or
/// <c>/States/P/Branches[1]/States/X</c>. The root is <c>""</c> and displays as <c>/</c>.
/// </summary>
internal static class AslLocation
{
    public static string Append(string location, string field) => location + "/" + field;

    public static string Append(string location, string field, int index) =>
        location + "/" + field + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>The text AWS prints: <c>/</c> for the root.</summary>
    public static string Display(string location) => location.Length == 0 ? "/" : location;

    /// <summary>The object of the scope at <paramref name="path"/> inside a (copied) definition object.</summary>
    public static JsonObject? ResolveScope(JsonObject root, IEnumerable<ScopeSegment> path)
    {
        var scope = root;
        foreach (var segment in path)
        {
            if (scope["States"] is not JsonObject states || states[segment.StateName] is not JsonObject owner)
            {
                return null;
            }

            JsonNode? next = segment.BranchIndex is { } index
                ? owner["Branches"] is JsonArray branches && index < branches.Count ? branches[index] : null
                : owner["ItemProcessor"] ?? owner["Iterator"];
            if (next is not JsonObject nextScope)
            {
                return null;
            }

            scope = nextScope;
        }

        return scope;
    }
}
