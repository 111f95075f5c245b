using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.ConformanceLambdas;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.ConformanceLambdas;

/// <summary>The stand-ins reproduce what AWS recorded for the corpus's Lambda functions.</summary>
public sealed class ConformanceLambdasTests
{
    private const string RequestId = "0f0e0d0c-0b0a-4909-8807-060504030201";

    private static IEnumerable<(string Id, JsonNode Case)> Cases() =>
        Directory.EnumerateFiles(RepoPaths.InShared("conformance", "cases"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), JsonNode.Parse(File.ReadAllText(f))!))
            .Where(c => c.Item2["lambda_functions"] is JsonArray { Count: > 0 });

    [Fact]
    public void ForCase_EveryCorpusFunction_HasAStandIn()
    {
        var cases = Cases().ToList();

        Assert.NotEmpty(cases);
        foreach (var (id, caseFile) in cases)
        {
            var map = ConformanceLambdaCatalog.ForCase(caseFile);
            Assert.True(map.Count == caseFile["lambda_functions"]!.AsArray().Count, id);
            Assert.All(map.Values, file => Assert.False(string.IsNullOrEmpty(ConformanceLambdaCatalog.ReadHandler(file))));
        }
    }

    [Fact]
    public async Task StandIns_ReproduceRecordedResults()
    {
        // Every recorded call with a plain successor: LambdaFunctionScheduled -> LambdaFunctionSucceeded/Failed and
        // TaskScheduled (lambda:invoke) -> TaskSucceeded/TaskFailed, outside Parallel blocks whose events were reordered.
        var handlers = new Dictionary<string, JavaScriptLambdaHandler>();
        var compared = 0;
        try
        {
            foreach (var (id, caseFile) in Cases())
            {
                if (caseFile["parallel_events_normalised"]?.GetValue<bool>() == true || caseFile["expected_events"] is not JsonArray events)
                {
                    continue;
                }

                var functions = ConformanceLambdaCatalog.ForCase(caseFile);
                for (var i = 0; i + 2 < events.Count; i++)
                {
                    if (Call(events[i]!, events[i + 2]!, functions) is not { } call)
                    {
                        continue;
                    }

                    var (function, payload, expected) = call;
                    // The sleeping and oversized functions are checked through timeouts and size limits, not results.
                    if (!functions.TryGetValue(function, out var file) || file == "sleep-60s.js" || file == "large-output.js")
                    {
                        continue;
                    }

                    if (!handlers.TryGetValue(file, out var handler))
                    {
                        handler = ConformanceLambdaCatalog.CreateHandler(file, function, new JavaScriptLambdaOptions { RequestIdFactory = () => RequestId });
                        handlers[file] = handler;
                    }

                    var outcome = await handler.InvokeAsync(payload);
                    var actual = outcome switch
                    {
                        LambdaOutcome.Succeeded s => Normalise(s.Payload?.ToJsonString() ?? "null", "output"),
                        LambdaOutcome.Failed f => new JsonObject { ["error"] = f.Error, ["cause"] = Normalise(f.Cause!, "cause") },
                        _ => throw new InvalidOperationException(outcome.ToString()),
                    };
                    Assert.True(JsonEquals(expected, actual), $"{id} event {i + 1}: expected {expected?.ToJsonString()} got {actual?.ToJsonString()}");
                    compared++;
                }
            }
        }
        finally
        {
            foreach (var handler in handlers.Values)
            {
                handler.Dispose();
            }
        }

        Assert.True(compared >= 45, $"only {compared} recorded calls compared");
    }

    [Fact]
    public async Task RaiseException_CauseIsThePythonRuntimeDocument()
    {
        using var handler = ConformanceLambdaCatalog.CreateHandler("raise-exception.js", "f", new JavaScriptLambdaOptions { RequestIdFactory = () => RequestId });

        var failed = Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(new JsonObject()));

        Assert.Equal("Exception", failed.Error);
        Assert.Equal("{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\", \"requestId\": \"" + RequestId +
            "\", \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\", line 2, in handler\\n    raise Exception(\\\"Some exception was raised.\\\")\\n\"]}",
            failed.Cause);
    }

    [Fact]
    public async Task DecoratedInput_WritesPythonRepr()
    {
        using var handler = ConformanceLambdaCatalog.CreateHandler("return-decorated-input.js", "f");

        var outcome = await handler.InvokeAsync(JsonNode.Parse("{\"a\":[\"it's\",true,null,1,2.5],\"b\":\"x\"}"));

        Assert.Equal("input-event-{'a': [\"it's\", True, None, 1, 2.5], 'b': 'x'}",
            Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.GetValue<string>());
    }

    /// <summary>(function name, event, recorded result) for a scheduled call and the event two after it.</summary>
    private static (string, JsonNode?, JsonNode?)? Call(JsonNode scheduled, JsonNode result, IReadOnlyDictionary<string, string> functions)
    {
        // Recorded names are often placeholders (<lambda_function_name>); a case with one function calls that one.
        string? Name(string text) =>
            LambdaFunctionRef.TryParse(text, out var parsed) ? parsed.Name : functions.Count == 1 ? functions.Keys.Single() : null;

        var type = (string?)scheduled["type"];
        var resultType = (string?)result["type"];
        if (type == "LambdaFunctionScheduled" && resultType is "LambdaFunctionSucceeded" or "LambdaFunctionFailed")
        {
            var details = scheduled["lambdaFunctionScheduledEventDetails"]!;
            var name = Name(((string)details["resource"]!).Replace("<partition>", "aws", StringComparison.Ordinal)
                .Replace("<region>", "us-east-1", StringComparison.Ordinal));
            return name is null ? null : (name, Denormalise(details["input"]), Expected(result, resultType == "LambdaFunctionSucceeded" ? "lambdaFunctionSucceededEventDetails" : "lambdaFunctionFailedEventDetails", null));
        }

        if (type == "TaskScheduled" && resultType is "TaskSucceeded" or "TaskFailed"
            && (string?)scheduled["taskScheduledEventDetails"]?["resourceType"] == "lambda")
        {
            var parameters = scheduled["taskScheduledEventDetails"]!["parameters"];
            if (parameters is not JsonObject p || p["FunctionName"] is null)
            {
                return null;
            }

            var invokeParameters = (JsonObject)p.DeepClone();
            var name = Name((string?)invokeParameters["FunctionName"] ?? "");
            if (name is null)
            {
                return null;
            }

            invokeParameters["FunctionName"] = name;
            var (_, payload) = LambdaFunctionRef.FromInvokeParameters(invokeParameters);
            return (name, payload, Expected(result, resultType == "TaskSucceeded" ? "taskSucceededEventDetails" : "taskFailedEventDetails", "Payload"));
        }

        return null;
    }

    private static JsonNode? Expected(JsonNode result, string detailsName, string? payloadField)
    {
        var details = result[detailsName]!;
        if (details["error"] is { } error)
        {
            return new JsonObject { ["error"] = error.DeepClone(), ["cause"] = details["cause"]?.DeepClone() };
        }

        var output = details["output"];
        return payloadField is null ? output?.DeepClone() : output?[payloadField]?.DeepClone() is { } inner ? Normalise(inner.ToJsonString(), "output") : null;
    }

    // The corpus shows event input/output strings that start with '{' as parsed objects (normalisation.json step 1).
    private static JsonNode? Normalise(string json, string field)
    {
        if (!json.StartsWith('{'))
        {
            // Outputs that are not objects stay JSON text; causes that are not JSON stay plain text.
            return JsonValue.Create(json);
        }

        var parsed = JsonNode.Parse(json)!;
        if (field == "cause" && parsed is JsonObject o && o["requestId"] is not null)
        {
            o["requestId"] = "<uuid:*>";
        }

        return parsed;
    }

    private static JsonNode? Denormalise(JsonNode? recorded) =>
        recorded is JsonValue v && v.TryGetValue<string>(out var s) ? JsonNode.Parse(s) : recorded?.DeepClone();

    private static bool JsonEquals(JsonNode? expected, JsonNode? actual)
    {
        if (expected is JsonObject eo && eo["requestId"] is JsonValue id && ((string?)id)!.StartsWith("<uuid:", StringComparison.Ordinal))
        {
            eo = (JsonObject)eo.DeepClone();
            eo["requestId"] = "<uuid:*>";
            expected = eo;
        }

        if (expected is JsonObject { } ec && ec["cause"] is JsonObject causeObject && actual is JsonObject ac)
        {
            var copy = (JsonObject)ec.DeepClone();
            copy["cause"] = Strip((JsonObject)causeObject.DeepClone());
            expected = copy;
            if (ac["cause"] is JsonObject actualCause)
            {
                var actualCopy = (JsonObject)ac.DeepClone();
                actualCopy["cause"] = Strip((JsonObject)actualCause.DeepClone());
                actual = actualCopy;
            }
        }

        return Canonical(expected) == Canonical(actual);

        static JsonObject Strip(JsonObject cause)
        {
            if (cause["requestId"] is not null)
            {
                cause["requestId"] = "<uuid:*>";
            }

            return cause;
        }
    }

    // Numbers compare by value (the Python functions echo 0.0 where JavaScript writes 0).
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString("G29", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'),
        _ => node.ToJsonString(),
    };
}
