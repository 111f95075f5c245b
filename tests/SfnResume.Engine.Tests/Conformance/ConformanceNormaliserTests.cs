using System.Text.Json.Nodes;
using SfnResume.Engine.Conformance;

namespace SfnResume.Engine.Tests.Conformance;

public sealed class ConformanceNormaliserTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void NormaliseEvents_RawAwsEvents_MatchRecordedShape()
    {
        var raw = JsonNode.Parse("""
            [
              {"timestamp": "2026-01-02T03:04:05.123Z", "type": "ExecutionStarted", "id": 1, "previousEventId": 0,
               "executionStartedEventDetails": {"input": "{\"b\": 1, \"a\": \"2024-02-29T10:00:00Z\"}", "inputDetails": {"truncated": false},
                 "roleArn": "arn:aws:iam::111111111111:role/sfn-conformance-role"}},
              {"timestamp": 1767323045.5, "type": "TaskSucceeded", "id": 2, "previousEventId": 1,
               "taskSucceededEventDetails": {"resource": "invoke", "resourceType": "lambda",
                 "output": "{\"requestId\": \"0b5c6e3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\", \"echo\": \"id 0b5c6e3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b\", \"arn\": \"arn:aws:states:us-east-1:111111111111:execution:statemachine_uid0001:exec_0001\", \"TimestampValue\": 12, \"list\": \"[1]\"}"}}
            ]
            """)!.AsArray();

        var normalised = new ConformanceNormaliser(CaseBuilder.Case()).NormaliseEvents(raw);

        var expected = JsonNode.Parse("""
            [
              {"executionStartedEventDetails": {"input": {"b": 1, "a": "date"}, "inputDetails": {"truncated": false}, "roleArn": "snf_role_arn"},
               "id": 1, "previousEventId": 0, "timestamp": "timestamp", "type": "ExecutionStarted"},
              {"id": 2, "previousEventId": 1,
               "taskSucceededEventDetails": {"output": {"requestId": "<uuid:1>", "echo": "id <uuid:1>",
                 "arn": "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>", "TimestampValue": "timestamp", "list": "[1]"},
                 "resource": "invoke", "resourceType": "lambda"},
               "timestamp": "timestamp", "type": "TaskSucceeded"}
            ]
            """);
        Assert.True(JsonNode.DeepEquals(expected, normalised), normalised.ToJsonString());
    }

    [Fact]
    public void NormaliseEvents_KeysOfHistoryStructure_AreSortedButParsedPayloadKeepsItsOrder()
    {
        var raw = JsonNode.Parse("""[{"type": "PassStateExited", "id": 3, "stateExitedEventDetails": {"output": "{\"z\": 1, \"a\": 2}", "name": "P"}}]""")!.AsArray();

        var normalised = new ConformanceNormaliser(CaseBuilder.Case()).NormaliseEvents(raw);

        var ev = normalised[0]!.AsObject();
        Assert.Equal(["id", "stateExitedEventDetails", "type"], ev.Select(p => p.Key));
        Assert.Equal(["name", "output"], ev["stateExitedEventDetails"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["z", "a"], ev["stateExitedEventDetails"]!["output"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Normalise_SameUuidInEventsAndResult_GetsSameNumber()
    {
        const string uuid = "11111111-2222-4333-8444-555555555555";
        var execution = new ConformanceExecution(
            "FAILED",
            Output: null,
            Error: "Exception",
            Cause: $$$"""{"errorType": "Exception", "requestId": "{{{uuid}}}"}""",
            Events: JsonNode.Parse($$$"""
                [{"type": "TaskFailed", "id": 5, "taskFailedEventDetails": {"cause": "{\"requestId\": \"{{{uuid}}}\"}"}},
                 {"type": "Other", "id": 6, "details": {"executionId": "99999999-2222-4333-8444-555555555555"}}]
                """)!.AsArray());

        var normalised = new ConformanceNormaliser(CaseBuilder.Case()).Normalise(execution);

        Assert.Equal("<uuid:1>", normalised.Events![0]!["taskFailedEventDetails"]!["cause"]!["requestId"]!.GetValue<string>());
        Assert.Equal("<uuid:2>", normalised.Events![1]!["details"]!["executionId"]!.GetValue<string>());
        Assert.Equal("<uuid:1>", normalised.Cause!["requestId"]!.GetValue<string>());
        Assert.Equal("Exception", normalised.Error);
    }

    [Fact]
    public void Normalise_OutputNotAnObject_StaysAString()
    {
        var normalised = new ConformanceNormaliser(CaseBuilder.Case()).Normalise(new ConformanceExecution("SUCCEEDED", "[1, {\"a\": 2}]", null, null, null));

        Assert.True(normalised.HasOutput);
        Assert.Equal("[1, {\"a\": 2}]", normalised.Output!.GetValue<string>());
    }

    [Fact]
    public void Normalise_TemplateRegex_IsFilledFromTheSameClockAsTheInput()
    {
        var c = ConformanceCaseLoader.Parse(
            """
            {"definition": {"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.start_at", "End": true}}},
             "input": "{\"start_at\": \"{{NOW+60s|%Y-%m-%dT%H:%M:%S}}Z\"}", "input_is_template": true, "expected_status": "SUCCEEDED",
             "test_transformers": [{"kind": "RegexTransformer", "regex": "{{NOW+60s|%Y-%m-%dT%H:%M:%S}}Z", "replacement": "<timestamp>"}]}
            """,
            "wait.json");
        string input = InputTemplate.Fill(c.Input, s_now);

        var normalised = new ConformanceNormaliser(c, s_now).Normalise(new ConformanceExecution("SUCCEEDED", input, null, null, null));

        Assert.Equal("""{"start_at": "2026-01-02T03:05:05Z"}""", input);
        Assert.Equal("<timestamp>", normalised.Output!["start_at"]!.GetValue<string>());
    }

    [Fact]
    public void Normalise_JsonpathTransformers_ReplaceValueOrReference()
    {
        var c = CaseBuilder.Case(transformers: """
            [{"kind": "JsonpathTransformer", "jsonpath": "$..FunctionResult", "replacement": "RandomNumberGenerated", "replace_reference": false},
             {"kind": "JsonpathTransformer", "jsonpath": "$..LogResult", "replacement": "LogResult", "replace_reference": true}]
            """);

        var normalised = new ConformanceNormaliser(c).Normalise(
            new ConformanceExecution("SUCCEEDED", """{"FunctionResult": 0.42, "LogResult": "abc", "copy": "x abc"}""", null, null, null));

        Assert.Equal("RandomNumberGenerated", normalised.Output!["FunctionResult"]!.GetValue<string>());
        Assert.Equal("<LogResult:1>", normalised.Output!["LogResult"]!.GetValue<string>());
        Assert.Equal("x <LogResult:1>", normalised.Output!["copy"]!.GetValue<string>());
    }

    [Fact]
    public void Normalise_ReferenceSeenInTheHistory_KeepsItsNumberInTheOutput()
    {
        var c = CaseBuilder.Case(transformers: """
            [{"kind": "JsonpathTransformer", "jsonpath": "$..LogResult", "replacement": "LogResult", "replace_reference": true}]
            """);
        var events = JsonNode.Parse("""
            [{"id": 1, "type": "ExecutionSucceeded", "executionSucceededEventDetails": {"output": "{\"LogResult\": \"abc\"}"}}]
            """)!.AsArray();

        var normalised = new ConformanceNormaliser(c).Normalise(new ConformanceExecution("SUCCEEDED", """{"LogResult": "abc"}""", null, null, events));

        Assert.Equal("<LogResult:1>", normalised.Events![0]!["executionSucceededEventDetails"]!["output"]!["LogResult"]!.GetValue<string>());
        Assert.Equal("<LogResult:1>", normalised.Output!["LogResult"]!.GetValue<string>());
    }

    [Fact]
    public void Normalise_RegexWithHyphenAfterRange_ReadsHyphenLiterallyAsPythonDoes()
    {
        var normalised = new ConformanceNormaliser(CaseBuilder.Case()).Normalise(
            new ConformanceExecution("FAILED", null, "Lambda.Unknown", "failed (Extended Request ID: ab/c=+d-1, Request ID: 12-ab)", null));

        Assert.Equal("failed (Extended Request ID: <extended_request_id>, Request ID: <request_id>)", normalised.Cause!.GetValue<string>());
    }

    [Fact]
    public void ParallelEventsSorter_ClosingEvents_DropTheSucceededEventAsTheRecorderDoes()
    {
        var events = JsonNode.Parse("""
            [{"id": 1, "type": "ParallelStateEntered"}, {"id": 2, "type": "ParallelStateStarted"},
             {"id": 3, "type": "PassStateEntered", "n": "b"}, {"id": 4, "type": "PassStateEntered", "n": "a"},
             {"id": 5, "type": "ParallelStateSucceeded"}, {"id": 6, "type": "ParallelStateExited"},
             {"id": 7, "type": "ExecutionSucceeded"}]
            """)!.AsArray();

        ParallelEventsSorter.Apply(events);

        Assert.Equal(
            ["ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateEntered", "ParallelStateExited", "ExecutionSucceeded"],
            events.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("a", events[2]!["n"]!.GetValue<string>());
        Assert.Equal("[0]", events[2]!["id"]!.ToJsonString());
        Assert.Equal(0, events[3]!["previousEventId"]!.GetValue<int>());
    }

    [Fact]
    public void Constructor_TransformerItCannotReproduce_IsReported()
    {
        var c = CaseBuilder.Case() with { TestTransformers = [new TestTransformer("GenericTransformer", null, null, null, false, "GenericTransformer(_other)")] };

        var normaliser = new ConformanceNormaliser(c);

        Assert.Equal(["GenericTransformer(_other)"], normaliser.UnsupportedTransformers);
    }

    [Theory]
    [InlineData("""{"StartAt": "M", "States": {}}""", "<MapRunArnPart0_0idx>")]
    [InlineData("""{"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "TestMap"}}}""", "TestMap")]
    public void NormaliseEvents_MapRunArn_GeneratedPartsBecomePlaceholders(string definition, string expectedLabel)
    {
        var c = CaseBuilder.Case() with { Definition = System.Text.Json.JsonDocument.Parse(definition).RootElement.Clone() };
        string label = expectedLabel == "TestMap" ? "TestMap" : "f0d36d22";
        string arn = $"arn:aws:states:us-east-1:111111111111:mapRun:statemachine_uid0001/{label}:7cba2073-8d76-4e98-93d5-178c92e3f8aa";
        var raw = new JsonArray(new JsonObject
        {
            ["id"] = 3,
            ["type"] = "MapRunStarted",
            ["mapRunStartedEventDetails"] = new JsonObject { ["mapRunArn"] = arn },
        });

        var normalised = new ConformanceNormaliser(c).NormaliseEvents(raw);

        Assert.Equal(
            $"arn:<partition>:states:<region>:111111111111:mapRun:<ArnPart_0idx>/{expectedLabel}:<MapRunArnPart1_0idx>",
            normalised[0]!["mapRunStartedEventDetails"]!["mapRunArn"]!.GetValue<string>());
    }
}
