using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>The <c>--output json</c> shape of a plan: one object scripts can rely on.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Indented(JsonNode? node) => node?.ToJsonString(s_indented) ?? "null";

    public static JsonObject ToJson(ResumePlan plan, StateMachineDefinition copy)
    {
        var result = ResumePlanJson.ToJson(plan);
        result["definition"] = copy.Raw.DeepClone();
        return result;
    }
}
