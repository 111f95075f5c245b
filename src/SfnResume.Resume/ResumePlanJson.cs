using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Resume;

/// <summary>
/// A plan as JSON: the shape of <c>sfn-resume plan --output json</c> without the definition. <c>actions</c> lists,
/// per path, <c>{"path", "action": "skip"|"reuse"|"run-again"|"resume-here", "note"?}</c>.
/// </summary>
public static class ResumePlanJson
{
    public static JsonObject ToJson(ResumePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new JsonObject
        {
            ["failure"] = plan.Failure is { } f ? Failure(f) : null,
            ["resumeState"] = plan.ResumeState,
            ["resumeInput"] = plan.ResumeInput.DeepClone(),
            ["skipped"] = new JsonArray([.. plan.Skipped.Select(s => (JsonNode)new JsonObject { ["state"] = s.Name, ["status"] = s.Status })]),
            ["flag"] = plan.FlagName,
            ["choiceState"] = plan.ChoiceStateName,
            ["stateMachineName"] = plan.StateMachineName,
        };
        if (plan.Note is not null)
        {
            result["note"] = plan.Note;
        }

        result["actions"] = new JsonArray([.. plan.Actions.Select(Action)]);

        return result;
    }

    private static JsonNode Action(StateResumeAction action)
    {
        var item = new JsonObject { ["path"] = action.Path, ["action"] = action.ActionName };
        if (action.Note is not null)
        {
            item["note"] = action.Note;
        }

        return item;
    }

    private static JsonObject Failure(FailurePoint failure) => new()
    {
        ["status"] = failure.ExecutionStatus,
        ["state"] = failure.State,
        ["path"] = new JsonArray([.. failure.Path.Select(p => (JsonNode)JsonValue.Create(p.Label)!)]),
        ["error"] = failure.Error,
        ["cause"] = failure.Cause,
        ["levels"] = new JsonArray([.. failure.Path.Select(Level)]),
    };

    private static JsonNode Level(PathSegment segment)
    {
        var level = new JsonObject { ["kind"] = segment.Kind.ToString().ToLowerInvariant() };
        if (segment.Name is not null)
        {
            level["name"] = segment.Name;
        }

        if (segment.Index is { } index)
        {
            level["index"] = index;
        }

        if (segment.Input is { } input)
        {
            level["input"] = ParseOrText(input);
        }

        return level;
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
