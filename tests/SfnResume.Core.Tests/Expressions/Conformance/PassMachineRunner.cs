using System.Text.Json.Nodes;
using SfnResume.Core.Errors;
using SfnResume.Core.Expressions;
using SfnResume.Core.Expressions.Intrinsics;
using SfnResume.Core.Expressions.JsonPath;

namespace SfnResume.Core.Tests.Expressions.Conformance;

/// <summary>
/// Runs a JSONPath state machine made only of Pass states through the data layer, applying the Pass
/// pipeline InputPath -> Parameters/Result -> (Assign) -> ResultPath -> OutputPath state after state
/// (https://states-language.net/#filters). Used to check the data layer against recorded AWS executions.
/// </summary>
internal static class PassMachineRunner
{
    public sealed record Outcome(JsonNode? Output, string? Error, string? Cause, List<(string State, JsonObject Variables)> Assigned);

    public sealed record Names(string ExecutionName, string StateMachineName);

    /// <summary>True when every state is a JSONPath Pass state this runner understands.</summary>
    public static bool CanRun(JsonObject definition, out string reason)
    {
        if (definition["QueryLanguage"]?.GetValue<string>() is "JSONata")
        {
            reason = "JSONata machine";
            return false;
        }

        foreach (var (name, state) in definition["States"]!.AsObject())
        {
            var obj = state!.AsObject();
            if (obj["Type"]!.GetValue<string>() != "Pass")
            {
                reason = $"contains a {obj["Type"]} state";
                return false;
            }

            if (obj["QueryLanguage"]?.GetValue<string>() is "JSONata")
            {
                reason = "contains a JSONata state";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }

    public static Outcome Run(JsonObject definition, JsonNode? input, Names names, IIntrinsicRandom random)
    {
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var assigned = new List<(string, JsonObject)>();
        var states = definition["States"]!.AsObject();
        var current = definition["StartAt"]!.GetValue<string>();
        var data = input?.DeepClone();
        var enteredEventId = 2L;
        while (true)
        {
            var state = states[current]!.AsObject();
            try
            {
                data = RunPassState(current, state, data, input, names, variables, random, assigned);
            }
            catch (StatesException e)
            {
                var located = e.InState(current, enteredEventId);
                return new Outcome(null, located.Error, located.Cause, assigned);
            }

            if (state["End"]?.GetValue<bool>() == true)
            {
                return new Outcome(data, null, null, assigned);
            }

            current = state["Next"]!.GetValue<string>();
            enteredEventId += 2;
        }
    }

    private static JsonNode? RunPassState(
        string name,
        JsonObject state,
        JsonNode? rawInput,
        JsonNode? executionInput,
        Names names,
        Dictionary<string, JsonNode?> variables,
        IIntrinsicRandom random,
        List<(string, JsonObject)> assigned)
    {
        var context = BuildContext(name, executionInput, names);
        var vars = new JsonPathVariables(variables);

        var effective = SelectWhole(state, "InputPath", rawInput, context, vars);

        JsonNode? result = effective;
        if (state.TryGetPropertyValue("Parameters", out var parameters))
        {
            result = PayloadTemplate.Compile(parameters).Evaluate(new JsonPathScope(effective, context, vars), random);
        }

        if (state.TryGetPropertyValue("Result", out var literal))
        {
            result = literal?.DeepClone();
        }

        // Assign reads the state's result and the variables as they were on entry; the new values become
        // visible only after the state has produced its output (recorded: OutputPath "$answer" in a state
        // that assigns "answer" still reads the old value). AWS records nothing for an empty Assign.
        JsonObject? assignments = null;
        if (state.TryGetPropertyValue("Assign", out var assign))
        {
            assignments = PayloadTemplate.Compile(assign).Evaluate(new JsonPathScope(result, context, vars), random)!.AsObject();
            if (assignments.Count > 0)
            {
                assigned.Add((name, (JsonObject)assignments.DeepClone()));
            }
        }

        JsonNode? output;
        if (!state.TryGetPropertyValue("ResultPath", out var resultPath))
        {
            output = result;
        }
        else if (resultPath is null)
        {
            output = rawInput;
        }
        else
        {
            output = ReferencePath.Parse(resultPath.GetValue<string>()).SetInPlace(rawInput?.DeepClone(), JsonNodes.Clone(result));
        }

        var stateOutput = SelectWhole(state, "OutputPath", output, context, vars);
        if (assignments is not null)
        {
            foreach (var (key, value) in assignments.ToList())
            {
                assignments.Remove(key);
                variables[key] = value;
            }
        }

        return stateOutput;
    }

    // InputPath/OutputPath: absent means "$", null means {}; a definite path that selects nothing fails.
    private static JsonNode? SelectWhole(JsonObject state, string field, JsonNode? data, JsonNode context, IJsonPathVariables vars)
    {
        if (!state.TryGetPropertyValue(field, out var pathNode))
        {
            return data;
        }

        if (pathNode is null)
        {
            return new JsonObject();
        }

        return JsonPathExpression.Parse(pathNode.GetValue<string>()).EvaluateOrThrow(new JsonPathScope(data, context, vars));
    }

    // The context object as it appears after the corpus' normalisation (placeholders instead of names and dates).
    private static JsonObject BuildContext(string stateName, JsonNode? executionInput, Names names) => new()
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = $"arn:<partition>:states:<region>:111111111111:execution:{names.StateMachineName}:{names.ExecutionName}",
            ["Input"] = executionInput?.DeepClone(),
            ["StartTime"] = "date",
            ["Name"] = names.ExecutionName,
            ["RoleArn"] = "snf_role_arn",
            ["RedriveCount"] = 0,
        },
        ["StateMachine"] = new JsonObject
        {
            ["Id"] = $"arn:<partition>:states:<region>:111111111111:stateMachine:{names.StateMachineName}",
            ["Name"] = names.StateMachineName,
        },
        ["State"] = new JsonObject
        {
            ["Name"] = stateName,
            ["EnteredTime"] = "date",
        },
    };
}
