using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SfnResume.Core.Expressions.JsonPath;
using SfnResume.Testing;
using Xunit.Abstractions;

namespace SfnResume.Core.Tests.Expressions.Conformance;

/// <summary>
/// Replays the recorded AWS executions whose machines are JSONPath Pass states only (including the
/// intrinsic-function cases of that shape) through <see cref="PassMachineRunner"/> and compares output,
/// error, cause and assigned variables with what AWS recorded.
/// </summary>
public sealed partial class PassCorpusTests(ITestOutputHelper output)
{
    /// <summary>Cases in scope that this data-layer harness deliberately does not replay, each with the reason.</summary>
    private static readonly Dictionary<string, string> s_outOfScope = new(StringComparer.Ordinal)
    {
        ["error_handling/test_states_errors::TestStatesErrors::test_start_large_input"] =
            "The 256 KiB payload limit (States.DataLimitExceeded) is enforced by the engine, not by the data layer.",
    };

    private static readonly Lazy<IReadOnlyList<JsonObject>> s_cases = new(LoadCases);

    public static TheoryData<string> RunnableCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in s_cases.Value)
        {
            if (IsSelected(c) && PassMachineRunner.CanRun(c["definition"]!.AsObject(), out _) && !s_outOfScope.ContainsKey(Id(c)))
            {
                data.Add(Id(c));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RunnableCases))]
    public void Case_MatchesTheAwsRecording(string id)
    {
        var recorded = s_cases.Value.Single(c => Id(c) == id);
        var definition = recorded["definition"]!.AsObject();
        var input = JsonNode.Parse(recorded["input"]!.GetValue<string>());
        var outcome = PassMachineRunner.Run(definition, input, NamesOf(recorded), new FixedRandom(offset: 1));

        var expectedError = recorded["expected_error"]?.GetValue<string>();
        if (expectedError is not null)
        {
            Assert.Equal(expectedError, outcome.Error);
            Assert.Equal(recorded["expected_cause"]?.GetValue<string>(), MaskJsonInput(outcome.Cause));
            return;
        }

        Assert.Null(outcome.Cause);
        var actual = Normalise(outcome.Output, recorded);
        var expected = recorded["expected_output"];
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {JsonNodes.ToCompactJson(expected)}\nactual   {JsonNodes.ToCompactJson(actual)}");
        CompareAssignedVariables(recorded, outcome);
    }

    [Fact]
    public void Corpus_Coverage_IsReported()
    {
        var selected = s_cases.Value.Where(IsSelected).ToList();
        var runnable = selected.Where(c => PassMachineRunner.CanRun(c["definition"]!.AsObject(), out _) && !s_outOfScope.ContainsKey(Id(c))).ToList();
        output.WriteLine($"corpus cases: {s_cases.Value.Count}; selected (intrinsic-functions or Pass-only): {selected.Count}; replayed: {runnable.Count}");
        foreach (var group in selected.Except(runnable).GroupBy(c => PassMachineRunner.CanRun(c["definition"]!.AsObject(), out var why) ? s_outOfScope[Id(c)] : why))
        {
            output.WriteLine($"  not replayed ({group.Count()}): {group.Key}");
        }

        Assert.True(runnable.Count >= 150, $"only {runnable.Count} cases replayed");
        Assert.All(s_outOfScope.Keys, id => Assert.Contains(selected, c => Id(c) == id));
    }

    private static bool IsSelected(JsonObject c)
    {
        var categories = c["categories"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var allPass = c["definition"]!["States"]!.AsObject().All(s => s.Value!["Type"]!.GetValue<string>() == "Pass");
        return categories.Contains("intrinsic-functions") || allPass;
    }

    private static string Id(JsonObject c) => c["id"]!.GetValue<string>();

    private static PassMachineRunner.Names NamesOf(JsonObject c)
    {
        string Placeholder(string kind, string name, string fallback) =>
            c["test_transformers"]!.AsArray()
                .Where(t => t!["kind"]!.GetValue<string>() == kind && t["regex"]?.GetValue<string>() == name)
                .Select(t => t!["replacement"]!.GetValue<string>())
                .FirstOrDefault() ?? fallback;

        return new PassMachineRunner.Names(
            Placeholder("transform.sfn_sm_exec_arn", c["execution_name"]!.GetValue<string>(), "<ExecArnPart_0idx>"),
            Placeholder("transform.sfn_sm_create_arn", c["state_machine_name"]!.GetValue<string>(), "<ArnPart_0idx>"));
    }

    // Mirrors the recording's normalisation (conformance/normalisation.json) on an engine value.
    private static JsonNode? Normalise(JsonNode? value, JsonObject recorded, bool isTopLevel = true)
    {
        value = value?.DeepClone();
        foreach (var t in recorded["test_transformers"]!.AsArray())
        {
            if (t!["kind"]!.GetValue<string>() == "JsonpathTransformer" && t["replace_reference"]?.GetValue<bool>() == false)
            {
                var member = t["jsonpath"]!.GetValue<string>().Split('.')[^1];
                ReplaceMembers(value, member, t["replacement"]!.GetValue<string>());
            }
        }

        var text = JsonNodes.ToCompactJson(value);
        foreach (var t in recorded["test_transformers"]!.AsArray())
        {
            if (t!["kind"]!.GetValue<string>() != "RegexTransformer")
            {
                continue;
            }

            var regex = t["regex"]?.GetValue<string>();
            var replacement = t["replacement"]!.GetValue<string>();
            text = regex is not null
                ? Regex.Replace(text, regex, replacement)
                : t["source"]!.GetValue<string>().StartsWith("RegexTransformer(uuid", StringComparison.Ordinal) ? UuidPattern().Replace(text, replacement) : text;
        }

        var numbered = new Dictionary<string, string>(StringComparer.Ordinal);
        text = UuidPattern().Replace(text, m => numbered.TryGetValue(m.Value, out var n) ? n : numbered[m.Value] = $"<uuid:{numbered.Count + 1}>");
        var normalised = JsonNode.Parse(text);
        if (isTopLevel && normalised is not JsonObject && !(JsonNodes.TryGetString(normalised, out var top) && top.StartsWith('{')))
        {
            // A recorded output that is not an object stays the JSON text AWS returned.
            return JsonValue.Create(text);
        }

        if (JsonNodes.TryGetString(normalised, out var s) && s.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(s);
            }
            catch (System.Text.Json.JsonException)
            {
                return normalised;
            }
        }

        return normalised;
    }

    private static void ReplaceMembers(JsonNode? node, string member, string replacement)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (key == member)
                    {
                        obj[key] = replacement;
                    }
                    else
                    {
                        ReplaceMembers(obj[key], member, replacement);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    ReplaceMembers(item, member, replacement);
                }

                break;
        }
    }

    private static void CompareAssignedVariables(JsonObject recorded, PassMachineRunner.Outcome outcome)
    {
        if (recorded["expected_events"] is not JsonArray events)
        {
            return;
        }

        var expected = events
            .Select(e => e!["stateExitedEventDetails"])
            .Where(d => d?["assignedVariables"] is not null)
            .Select(d => (State: d!["name"]!.GetValue<string>(), Variables: d["assignedVariables"]!.AsObject()))
            .ToList();
        Assert.Equal(expected.Count, outcome.Assigned.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].State, outcome.Assigned[i].State);
            var actual = new JsonObject();
            foreach (var (name, value) in outcome.Assigned[i].Variables)
            {
                // AWS records each variable as JSON text; the recording parses texts that start with '{'.
                actual[name] = JsonNodes.ToCompactJson(value);
            }

            var normalised = Normalise(actual, recorded, isTopLevel: false)!.AsObject();
            foreach (var (name, value) in normalised.ToList())
            {
                var textValue = value!.GetValue<string>();
                normalised[name] = textValue.StartsWith('{') ? JsonNode.Parse(textValue) : textValue;
            }

            Assert.True(
                JsonNode.DeepEquals(expected[i].Variables, normalised),
                $"assigned variables differ\nexpected {JsonNodes.ToCompactJson(expected[i].Variables)}\nactual   {JsonNodes.ToCompactJson(normalised)}");
        }
    }

    private static string? MaskJsonInput(string? cause) =>
        cause is null ? null : QuotedJson().Replace(cause, m => IsJson(m.Groups[1].Value) ? "'<json-input:1>'" : m.Value);

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static IReadOnlyList<JsonObject> LoadCases() =>
        Directory.EnumerateFiles(RepoPaths.InShared("conformance", "cases"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToList();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"'(\{.*\})'")]
    private static partial Regex QuotedJson();
}
