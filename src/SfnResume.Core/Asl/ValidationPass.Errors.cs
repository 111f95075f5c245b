using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SfnResume.Core.Asl;

/// <summary>Retry, Catch and Resource checks.</summary>
internal sealed partial class ValidationPass
{
    private const string StatesAll = "States.ALL";
    private const decimal MaxDelayLimit = 31_622_400m;

    /// <summary>
    /// Optimised integrations whose complete action list is known; other services are not checked.
    /// https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html
    /// </summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> s_integrationActions = new Dictionary<string, FrozenSet<string>>
    {
        ["dynamodb"] = FrozenSet.ToFrozenSet(["getItem", "putItem", "deleteItem", "updateItem"], StringComparer.Ordinal),
        ["lambda"] = FrozenSet.ToFrozenSet(["invoke"], StringComparer.Ordinal),
        ["sns"] = FrozenSet.ToFrozenSet(["publish"], StringComparer.Ordinal),
        ["sqs"] = FrozenSet.ToFrozenSet(["sendMessage"], StringComparer.Ordinal),
        ["events"] = FrozenSet.ToFrozenSet(["putEvents"], StringComparer.Ordinal),
        ["states"] = FrozenSet.ToFrozenSet(["startExecution"], StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private void CheckResource(TaskState task)
    {
        var location = AslLocation.Append(task.Pointer, "Resource");
        var resource = task.Resource;
        if (!IsRecognised(resource))
        {
            Schema($"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.", location);
            return;
        }

        if (options.Kind != StateMachineKind.Express)
        {
            return;
        }

        // Express machines cannot wait for callbacks, run .sync jobs or poll activities (recorded AWS texts,
        // including the double space the callback message leaves before "at").
        if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support '.waitForTaskToken' service integration ", location);
        }
        else if (resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support '.sync' service integration", location);
        }
        else if (resource.Contains(":activity:", StringComparison.Ordinal))
        {
            Schema("Express state machine does not support Activity ARN", location);
        }
    }

    /// <summary>
    /// An ARN (<c>arn:partition:service:region:account:resource</c>); for <c>arn:...:states:::service:action</c>
    /// integrations with a known action list, the action must be on it.
    /// </summary>
    private static bool IsRecognised(string resource)
    {
        // arn : partition : service : region : account : resource... (split without allocating)
        Span<Range> parts = stackalloc Range[8];
        var span = resource.AsSpan();
        var count = span.Split(parts, ':');
        if (count < 6 || !span[parts[0]].SequenceEqual("arn") || span[parts[1]].IsEmpty || span[parts[2]].IsEmpty)
        {
            return false;
        }

        if (!span[parts[2]].SequenceEqual("states") || !span[parts[3]].IsEmpty || !span[parts[4]].IsEmpty || count < 7)
        {
            return true;
        }

        if (!s_integrationActions.TryGetValue(span[parts[5]].ToString(), out var actions))
        {
            return true;
        }

        // The last range holds the rest of the text when there are more than eight parts; the action ends
        // at its first '.' or ':' (".sync", ".sync:2", ".waitForTaskToken").
        var action = span[parts[6].Start..];
        var end = action.IndexOfAny('.', ':');
        return actions.Contains((end < 0 ? action : action[..end]).ToString());
    }

    private void CheckRetry(StateDefinition state)
    {
        if (state.Raw["Retry"] is not JsonArray array)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject retrier)
            {
                continue;
            }

            var location = AslLocation.Append(state.Pointer, "Retry", i);
            CheckFields(retrier, AslFieldRules.RetrierFields, jsonata: false, location);
            CheckErrorEquals(retrier, location, last: i == array.Count - 1);
            if (retrier["IntervalSeconds"] is { } interval)
            {
                CheckInteger(interval, location, "IntervalSeconds", 1, MaxSeconds);
            }

            if (retrier["MaxAttempts"] is { } attempts)
            {
                CheckInteger(attempts, location, "MaxAttempts", 0, MaxSeconds);
            }

            if (retrier["BackoffRate"] is { } backoff)
            {
                CheckNumber(backoff, location, "BackoffRate", 1, MaxSeconds);
            }

            if (retrier["MaxDelaySeconds"] is { } maxDelay)
            {
                CheckInteger(maxDelay, location, "MaxDelaySeconds", 1, MaxDelayLimit);
            }

            if (retrier.ContainsKey("JitterStrategy") && (retrier["JitterStrategy"] is not JsonValue jitter || !IsString(jitter) || jitter.GetValue<string>() is not ("FULL" or "NONE")))
            {
                Schema("The field 'JitterStrategy' should have one of these values: [FULL, NONE]", AslLocation.Append(location, "JitterStrategy"));
            }
        }
    }

    private void CheckCatch(StateDefinition state)
    {
        if (state.Raw["Catch"] is not JsonArray array)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject catcher)
            {
                continue;
            }

            var location = AslLocation.Append(state.Pointer, "Catch", i);
            CheckFields(catcher, AslFieldRules.CatcherFields, state.IsJsonata, location);
            CheckErrorEquals(catcher, location, last: i == array.Count - 1);
            if (!catcher.ContainsKey("Next"))
            {
                Schema("These fields are required: [Next]", location);
            }

            if (!state.IsJsonata && catcher["ResultPath"] is JsonValue path && IsString(path))
            {
                CheckPath(path.GetValue<string>(), PathKind.ResultReference, "ResultPath", location);
            }

            if (state.IsJsonata && catcher["Output"] is { } output)
            {
                CheckJsonataTemplate(output, AslLocation.Append(location, "Output"));
            }

            CheckAssign(catcher["Assign"], location, state.IsJsonata);
        }
    }

    /// <summary>ErrorEquals is required and non-empty; States.ALL must be alone and in the last element.</summary>
    private void CheckErrorEquals(JsonObject element, string location, bool last)
    {
        if (!element.ContainsKey("ErrorEquals"))
        {
            Schema("These fields are required: [ErrorEquals]", location);
            return;
        }

        if (element["ErrorEquals"] is not JsonArray errors)
        {
            return;
        }

        if (errors.Count == 0)
        {
            Schema("Value cannot be empty", AslLocation.Append(location, "ErrorEquals"));
            return;
        }

        for (var j = 0; j < errors.Count; j++)
        {
            if (errors[j] is JsonValue v && IsString(v) && v.GetValue<string>() == StatesAll && (errors.Count > 1 || !last))
            {
                Schema("States.ALL must appear alone and at end of list", AslLocation.Append(location, "ErrorEquals", j));
            }
        }
    }
}
