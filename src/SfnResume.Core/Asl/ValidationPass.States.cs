using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Per-state checks: allowed fields, query language, transition, and each type's own rules.</summary>
internal sealed partial class ValidationPass
{
    private const decimal MaxMapConcurrency = 99_999_999m;
    private const int MaxLabelLength = 40;

    private static readonly string[] s_waitFields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
    private static readonly (string Field, string PathField)[] s_failFields = [("Error", "ErrorPath"), ("Cause", "CausePath")];

    private void CheckState(StateDefinition state)
    {
        if (state.QueryLanguage == QueryLanguage.JsonPath && definition.QueryLanguage == QueryLanguage.Jsonata)
        {
            Schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", state.Pointer);
        }

        CheckFields(state.Raw, AslFieldRules.StateFields[(int)state.Type], state.IsJsonata, state.Pointer);
        CheckTransition(state);
        CheckCommonPaths(state);
        CheckTemplates(state);
        switch (state)
        {
            case TaskState task:
                CheckTask(task);
                break;
            case ChoiceState choice:
                CheckChoice(choice);
                break;
            case WaitState wait:
                CheckWait(wait);
                break;
            case FailState fail:
                CheckFail(fail);
                break;
            case ParallelState parallel:
                CheckParallel(parallel);
                break;
            case MapState map:
                CheckMap(map);
                break;
        }

        CheckRetry(state);
        CheckCatch(state);
    }

    /// <summary>Reports fields the type does not accept, then fields of the other query language.</summary>
    private void CheckFields(JsonObject raw, IReadOnlySet<string> allowed, bool jsonata, string location)
    {
        foreach (var (field, _) in raw)
        {
            if (!allowed.Contains(field))
            {
                NotSupported(field, location);
            }
            else
            {
                CheckLanguageOf(field, jsonata, location);
            }
        }
    }

    private void CheckLanguageOf(string field, bool jsonata, string location)
    {
        if (!jsonata && AslFieldRules.JsonataOnly.Contains(field))
        {
            Schema($"The QueryLanguage is set to 'JSONPath', but field '{field}' is only supported for the 'JSONata' QueryLanguage", location);
        }
        else if (jsonata && AslFieldRules.JsonPathOnly.Contains(field))
        {
            Schema($"The QueryLanguage is set to 'JSONata', but field '{field}' is only supported for the 'JSONPath' QueryLanguage", location);
        }
    }

    private void CheckTransition(StateDefinition state)
    {
        if (state.Type is StateType.Choice or StateType.Succeed or StateType.Fail)
        {
            return;
        }

        var raw = state.Raw;
        var hasNext = raw.ContainsKey("Next");
        var hasEnd = raw.ContainsKey("End");
        if (hasNext && hasEnd)
        {
            Schema("Only one of 'Next' or 'End' can be specified", state.Pointer);
        }
        else if (!hasNext && !hasEnd)
        {
            Schema("These fields are required: [Next or End]", state.Pointer);
        }
        else if (hasEnd && AslFieldReader.KindOf(raw["End"]) != JsonValueKind.True)
        {
            Schema("The field 'End' must be true", AslLocation.Append(state.Pointer, "End"));
        }
    }

    private void CheckTask(TaskState task)
    {
        var raw = task.Raw;
        if (!raw.ContainsKey("Resource"))
        {
            Schema("These fields are required: [Resource]", task.Pointer);
        }
        else if (task.Resource.Length > 0)
        {
            CheckResource(task);
        }

        var timeout = CheckSeconds(task.TimeoutSeconds, raw, "TimeoutSeconds", "TimeoutSecondsPath", task, 1);
        var heartbeat = CheckSeconds(task.HeartbeatSeconds, raw, "HeartbeatSeconds", "HeartbeatSecondsPath", task, 1);
        if (heartbeat is { } h && h >= (timeout ?? MaxSeconds + 1))
        {
            Schema("HeartbeatSeconds must be less than TimeoutSeconds", AslLocation.Append(task.Pointer, "HeartbeatSeconds"));
        }

        if (raw["Credentials"] is { } credentials)
        {
            CheckCredentials(credentials, AslLocation.Append(task.Pointer, "Credentials"));
        }
    }

    private void CheckCredentials(JsonNode credentials, string location)
    {
        if (credentials is not JsonObject obj)
        {
            Schema("The value for the field 'Credentials' must be an OBJECT", location);
            return;
        }

        if (!obj.ContainsKey("RoleArn") && !obj.ContainsKey("RoleArn.$"))
        {
            Schema("The field 'RoleArn' is required but was missing", location);
        }
    }

    /// <summary>A literal seconds field must be an integer in range; it cannot be given twice.</summary>
    private decimal? CheckSeconds(DynamicValue? value, JsonObject raw, string field, string pathField, StateDefinition state, decimal min)
    {
        if (raw.ContainsKey(field) && raw.ContainsKey(pathField))
        {
            Schema($"Only one of '{field}' or '{pathField}' can be specified", state.Pointer);
        }

        if (value?.Literal is not { } literal)
        {
            return null;
        }

        return CheckInteger(literal, state.Pointer, field, min, MaxSeconds) ? value.Number : null;
    }

    private void CheckChoice(ChoiceState choice)
    {
        var raw = choice.Raw;
        if (!raw.ContainsKey("Choices"))
        {
            Schema("These fields are required: [Choices]", choice.Pointer);
        }
        else if (raw["Choices"] is JsonArray { Count: 0 })
        {
            Schema("Value cannot be empty", AslLocation.Append(choice.Pointer, "Choices"));
        }

        foreach (var rule in choice.Choices)
        {
            CheckRule(rule, topLevel: true, choice.IsJsonata);
        }
    }

    private void CheckWait(WaitState wait)
    {
        var raw = wait.Raw;
        var given = s_waitFields.Count(raw.ContainsKey);
        if (given != 1)
        {
            Schema("Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath]", wait.Pointer);
        }

        if (wait.Seconds?.Literal is { } seconds)
        {
            CheckInteger(seconds, wait.Pointer, "Seconds", 0, MaxSeconds);
        }

        if (wait.Timestamp?.Literal is { } timestamp)
        {
            var location = AslLocation.Append(wait.Pointer, "Timestamp");
            if (!IsString(timestamp))
            {
                Schema("The value for the field 'Timestamp' must be a STRING", location);
            }
            else if (!Rfc3339.IsValid(timestamp.GetValue<string>()))
            {
                Schema("String does not match RFC3339 timestamp", location);
            }
        }
    }

    private void CheckFail(FailState fail)
    {
        var raw = fail.Raw;
        foreach (var (field, pathField) in s_failFields)
        {
            if (raw.ContainsKey(field) && raw.ContainsKey(pathField))
            {
                Schema($"Only one of '{field}' or '{pathField}' can be specified", fail.Pointer);
            }

            if (raw[field] is { } literal && !IsString(literal))
            {
                Schema($"The value for the field '{field}' must be a STRING", AslLocation.Append(fail.Pointer, field));
            }
        }
    }

    private void CheckParallel(ParallelState parallel)
    {
        var raw = parallel.Raw;
        if (!raw.ContainsKey("Branches"))
        {
            Schema("These fields are required: [Branches]", parallel.Pointer);
        }
        else if (raw["Branches"] is JsonArray { Count: 0 })
        {
            Schema("Value cannot be empty", AslLocation.Append(parallel.Pointer, "Branches"));
        }
    }

    private void CheckMap(MapState map)
    {
        var raw = map.Raw;
        if (raw.ContainsKey("ItemProcessor") && raw.ContainsKey("Iterator"))
        {
            Schema("Only one of 'ItemProcessor' or 'Iterator' can be specified", map.Pointer);
        }

        if (raw.ContainsKey("ItemSelector") && raw.ContainsKey("Parameters"))
        {
            Schema("Only one of 'ItemSelector' or 'Parameters' can be specified", map.Pointer);
        }

        CheckMapNumber(map, "MaxConcurrency", "MaxConcurrencyPath", 0, MaxMapConcurrency, integer: true);
        CheckMapNumber(map, "ToleratedFailureCount", "ToleratedFailureCountPath", 0, MaxMapConcurrency, integer: true);
        CheckMapNumber(map, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", 0, 100, integer: false);
        if (raw.ContainsKey("Label"))
        {
            var location = AslLocation.Append(map.Pointer, "Label");
            if (map.Label is null)
            {
                Schema("The value for the field 'Label' must be a STRING", location);
            }
            else if (map.Label.Length > MaxLabelLength)
            {
                Report(AslDiagnosticCodes.InvalidLabelName, $"Label must be at most {MaxLabelLength} characters", location);
            }
        }
    }

    private void CheckMapNumber(MapState map, string field, string pathField, decimal min, decimal max, bool integer)
    {
        var raw = map.Raw;
        if (raw.ContainsKey(field) && raw.ContainsKey(pathField))
        {
            Schema($"Only one of '{field}' or '{pathField}' can be specified", map.Pointer);
        }

        if (!raw.TryGetPropertyValue(field, out var node) || (map.IsJsonata && JsonataText.IsExpression(node is JsonValue v && IsString(v) ? v.GetValue<string>() : null)))
        {
            return;
        }

        _ = integer ? CheckInteger(node, map.Pointer, field, min, max) : CheckNumber(node, map.Pointer, field, min, max);
    }
}
