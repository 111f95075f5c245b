using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>The <c>--output json</c> shape of a plan: one object scripts can rely on.</summary>
internal static class PlanJson
{
    public static string Indented(JsonNode? node) => Infrastructure.JsonOutput.Indented(node);

    public static JsonObject ToJson(ResumePlan plan, StateMachineDefinition copy)
    {
        var result = ResumePlanJson.ToJson(plan);
        result["definition"] = copy.Raw.DeepClone();
        return result;
    }
}
