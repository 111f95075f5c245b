using System.Text.Json;
using System.Text.Json.Nodes;
using SfnResume.Core.Asl;
using SfnResume.Testing;
using Xunit.Abstractions;

namespace SfnResume.Core.Tests.Asl;

/// <summary>
/// Runs every definition AWS validated in the API corpus (ValidateStateMachineDefinition diagnostics and
/// InvalidDefinition errors of CreateStateMachine and TestState) and compares code, message and location.
/// </summary>
public sealed class AwsValidationCorpusTests(ITestOutputHelper output)
{
    /// <summary>Cases whose recorded answer this validator does not reproduce, each with the reason.</summary>
    internal static readonly Dictionary<string, string> KnownDeviations = new(StringComparer.Ordinal)
    {
        ["test_state/test_state_mock_validation::TestStateMockValidation::test_state_type_requires_mock[MapState]#validation_exception"] =
            "TestState refuses Map and Parallel states as an API rule; the definition itself is valid, so the API layer reports it.",
        ["test_state/test_state_mock_validation::TestStateMockValidation::test_state_type_requires_mock[MapTaskState]#validation_exception"] =
            "TestState refuses Map and Parallel states as an API rule; the definition itself is valid, so the API layer reports it.",
        ["test_state/test_state_mock_validation::TestStateMockValidation::test_state_type_requires_mock[ParallelState]#validation_exception"] =
            "TestState refuses Map and Parallel states as an API rule; the definition itself is valid, so the API layer reports it.",
    };

    public static TheoryData<string> Cases() => new(LoadCases().Select(c => c.Id));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_RecordedDefinition_MatchesAws(string id)
    {
        var recorded = LoadCases().Single(c => c.Id == id);

        var (expected, actual) = Compare(recorded);

        if (KnownDeviations.TryGetValue(id, out var reason))
        {
            Assert.False(expected == actual, "Listed as a known deviation but now matches: " + reason);
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Validate_RecordedCorpus_MatchRate()
    {
        var cases = LoadCases();

        var matched = cases.Count(c => Compare(c) is var (expected, actual) && expected == actual);

        output.WriteLine($"AWS validation corpus: {matched}/{cases.Count} cases match ({100.0 * matched / cases.Count:F1}%)");
        Assert.Equal(32, cases.Count);
        Assert.Equal(cases.Count - KnownDeviations.Count, matched);
    }

    private sealed record RecordedCase(string Id, string Operation, JsonObject Case);

    private static List<RecordedCase> LoadCases()
    {
        var index = JsonNode.Parse(File.ReadAllText(RepoPaths.InShared("conformance-api", "index.json")))!;
        return index["cases"]!.AsArray()
            .Where(c => (string?)c!["kind"] == "validation")
            .Select(c => new RecordedCase(
                (string)c!["id"]!,
                (string)c["operation"]!,
                JsonNode.Parse(File.ReadAllText(RepoPaths.InShared("conformance-api", (string)c["file"]!)))!.AsObject()))
            .ToList();
    }

    /// <summary>The recorded answer and ours, each rendered as one comparable string.</summary>
    private static (string Expected, string Actual) Compare(RecordedCase recorded)
    {
        var c = recorded.Case;
        var request = c["request"]!.AsObject();
        var text = DefinitionText(c, request);
        if (recorded.Operation == "TestState")
        {
            text = WrapSingleState(text, (string?)request["stateName"]);
        }

        var options = new AslValidationOptions
        {
            Kind = (string?)request["type"] == "EXPRESS" ? StateMachineKind.Express : StateMachineKind.Standard,
        };
        var result = AslParser.Parse(text, options);

        if (recorded.Operation == "ValidateStateMachineDefinition")
        {
            var diagnostics = c["recorded"]!["diagnostics"]!.AsArray()
                .Select(d => $"{d!["severity"]} {d["code"]}: {d["message"]} @ {(string?)d["location"] ?? "<none>"}");
            var ours = result.Diagnostics.Select(d => $"{(d.IsError ? "ERROR" : "WARNING")} {d.Code}: {d.Message} @ {d.Location ?? "<none>"}");
            return (string.Join("\n", diagnostics), string.Join("\n", ours));
        }

        var message = AslDiagnosticFormatter.FormatInvalidDefinition(result.Diagnostics)
            .Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal);
        return ((string)c["error"]!["message"]!, result.IsValid ? "<valid>" : message);
    }

    private static string DefinitionText(JsonObject c, JsonObject request)
    {
        if (c["definition_string"] is JsonValue exact)
        {
            return exact.GetValue<string>();
        }

        var definition = request["definition"]!;
        return definition.GetValueKind() == JsonValueKind.String ? definition.GetValue<string>() : definition.ToJsonString();
    }

    /// <summary>TestState validates one state as the only state of a machine, named as the request names it.</summary>
    private static string WrapSingleState(string text, string? stateName)
    {
        var node = JsonNode.Parse(text)!.AsObject();
        if (node.ContainsKey("States"))
        {
            return text;
        }

        var name = stateName ?? "StateName";
        return new JsonObject { ["StartAt"] = name, ["States"] = new JsonObject { [name] = node } }.ToJsonString();
    }
}
