using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SfnResume.Engine.Tasks.Mocking;

/// <summary>A Step Functions Local mock configuration file (<c>SFN_MOCK_CONFIG</c>): test cases per state machine,
/// each mapping Task state names to mocked responses. See "Using mocked service integrations for testing in Step
/// Functions Local" (AWS Step Functions Developer Guide).</summary>
/// <remarks>Read as strictly as LocalStack reads it: invocation keys are <c>"n"</c> or <c>"from-to"</c>, start at 0
/// and follow each other without gaps; each step holds exactly one of <c>Return</c> or <c>Throw</c>; <c>Throw</c> needs
/// string <c>Error</c> and <c>Cause</c>; every mocked response a test case names must exist.</remarks>
public sealed class MockConfig
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, FrozenDictionary<string, MockedResponse>>> _testCases;

    private MockConfig(string source, FrozenDictionary<string, FrozenDictionary<string, FrozenDictionary<string, MockedResponse>>> testCases)
    {
        Source = source;
        _testCases = testCases;
    }

    /// <summary>The file (or name) the configuration was read from.</summary>
    public string Source { get; }

    public IEnumerable<string> StateMachineNames => _testCases.Keys;

    public static MockConfig Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses and checks a configuration; problems throw <see cref="MockConfigException"/> naming
    /// <paramref name="source"/> and the JSON path.</summary>
    public static MockConfig Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new MockConfigException(source, "$", "not valid JSON: " + ex.Message);
        }

        var reader = new Reader(source);
        var rootObject = reader.Object(root, "$");
        var responses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        var responsesObject = reader.Object(reader.Required(rootObject, "MockedResponses", "$"), "$.MockedResponses");
        foreach (var (name, value) in responsesObject)
        {
            responses[name] = ReadResponse(reader, name, value, Reader.Path("$.MockedResponses", name));
        }

        var machines = new Dictionary<string, FrozenDictionary<string, FrozenDictionary<string, MockedResponse>>>(StringComparer.Ordinal);
        var machinesObject = reader.Object(reader.Required(rootObject, "StateMachines", "$"), "$.StateMachines");
        foreach (var (machineName, machineNode) in machinesObject)
        {
            var machinePath = Reader.Path("$.StateMachines", machineName);
            var testCasesPath = machinePath + ".TestCases";
            var testCasesObject = reader.Object(reader.Required(reader.Object(machineNode, machinePath), "TestCases", machinePath), testCasesPath);
            var testCases = new Dictionary<string, FrozenDictionary<string, MockedResponse>>(StringComparer.Ordinal);
            foreach (var (caseName, caseNode) in testCasesObject)
            {
                var casePath = Reader.Path(testCasesPath, caseName);
                var states = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
                foreach (var (stateName, responseNode) in reader.Object(caseNode, casePath))
                {
                    var statePath = Reader.Path(casePath, stateName);
                    var responseName = reader.String(responseNode, statePath);
                    states[stateName] = responses.TryGetValue(responseName, out var response)
                        ? response
                        : throw new MockConfigException(source, statePath, $"mocked response '{responseName}' is not defined in $.MockedResponses");
                }

                testCases[caseName] = states.ToFrozenDictionary(StringComparer.Ordinal);
            }

            machines[machineName] = testCases.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new MockConfig(source, machines.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The test case selected by the <c>#TestCase</c> suffix of a StartExecution state machine ARN.</summary>
    /// <exception cref="MockConfigException">No such state machine or test case in this file.</exception>
    public MockTestCase GetTestCase(string stateMachineName, string testCaseName)
    {
        if (!_testCases.TryGetValue(stateMachineName, out var cases))
        {
            throw new MockConfigException(Source, "$.StateMachines",
                $"Invalid mock test case name '{testCaseName}': state machine '{stateMachineName}' has no test cases");
        }

        return cases.TryGetValue(testCaseName, out var states)
            ? new MockTestCase(stateMachineName, testCaseName, states)
            : throw new MockConfigException(Source, Reader.Path("$.StateMachines", stateMachineName) + ".TestCases",
                $"Invalid mock test case name '{testCaseName}' for state machine '{stateMachineName}'");
    }

    private static MockedResponse ReadResponse(Reader reader, string name, JsonNode? node, string path)
    {
        var steps = new List<MockedStep>();
        var expectedFrom = 0;
        foreach (var (key, stepNode) in reader.Object(node, path))
        {
            var stepPath = Reader.Path(path, key);
            var (from, to) = ParseRange(key) ?? throw new MockConfigException(reader.Source, stepPath,
                "invocation key must be \"n\" or \"from-to\" (e.g. \"0\", \"1-2\")");
            if (from != expectedFrom)
            {
                throw new MockConfigException(reader.Source, stepPath,
                    $"invocations must start at 0 and follow each other: expected \"{expectedFrom}\" or \"{expectedFrom}-n\"");
            }

            expectedFrom = to + 1;
            var step = reader.Object(stepNode, stepPath);
            var hasReturn = step.TryGetPropertyValue("Return", out var returned);
            var hasThrow = step.TryGetPropertyValue("Throw", out var thrown);
            if (hasReturn == hasThrow || step.Count != 1)
            {
                throw new MockConfigException(reader.Source, stepPath, "each step holds exactly one of 'Return' or 'Throw'");
            }

            if (hasReturn)
            {
                steps.Add(new MockedStep(from, to, returned?.DeepClone(), null));
            }
            else
            {
                var throwPath = stepPath + ".Throw";
                var throwObject = reader.Object(thrown, throwPath);
                var error = reader.String(reader.Required(throwObject, "Error", throwPath), throwPath + ".Error");
                var cause = reader.String(reader.Required(throwObject, "Cause", throwPath), throwPath + ".Cause");
                steps.Add(new MockedStep(from, to, null, new MockedError(error, cause)));
            }
        }

        return steps.Count > 0
            ? new MockedResponse(name, [.. steps])
            : throw new MockConfigException(reader.Source, path, "a mocked response needs at least the invocation \"0\"");
    }

    private static (int From, int To)? ParseRange(string key)
    {
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return ParseIndex(key) is { } n ? (n, n) : null;
        }

        return ParseIndex(key[..dash]) is { } from && ParseIndex(key[(dash + 1)..]) is { } to && to >= from ? (from, to) : null;
    }

    private static int? ParseIndex(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private sealed class Reader(string source)
    {
        public string Source { get; } = source;

        public static string Path(string parent, string key) =>
            key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
                ? parent + "." + key
                : parent + "['" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

        public JsonObject Object(JsonNode? node, string path) =>
            node as JsonObject ?? throw new MockConfigException(Source, path, "must be an object");

        public string String(JsonNode? node, string path) =>
            node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new MockConfigException(Source, path, "must be a string");

        public JsonNode? Required(JsonObject obj, string name, string path) =>
            obj.TryGetPropertyValue(name, out var value) ? value : throw new MockConfigException(Source, path, $"missing '{name}'");
    }
}

/// <summary>One mocked response: numbered steps, each a <c>Return</c> or a <c>Throw</c>.</summary>
public sealed record MockedResponse(string Name, ImmutableArray<MockedStep> Steps)
{
    /// <summary>The step for the zero-based invocation count, or null when the response has run out.</summary>
    public MockedStep? StepFor(int invocation)
    {
        foreach (var step in Steps)
        {
            if (invocation >= step.From && invocation <= step.To)
            {
                return step;
            }
        }

        return null;
    }
}

/// <summary>Invocations <paramref name="From"/> to <paramref name="To"/> (inclusive) return <paramref name="Return"/> or
/// throw <paramref name="Throw"/>.</summary>
public sealed record MockedStep(int From, int To, JsonNode? Return, MockedError? Throw);

public sealed record MockedError(string Error, string Cause);

/// <summary>A selected test case: the mocked response of each mocked Task state.</summary>
public sealed class MockTestCase(string stateMachineName, string testCaseName, IReadOnlyDictionary<string, MockedResponse> responses)
{
    public string StateMachineName { get; } = stateMachineName;

    public string TestCaseName { get; } = testCaseName;

    public IReadOnlyDictionary<string, MockedResponse> Responses { get; } = responses;
}

/// <summary>A mock configuration problem, as one line: <c>file: $.json.path: message</c>.</summary>
public sealed class MockConfigException : Exception
{
    public MockConfigException(string source, string path, string problem)
        : base($"{source}: {path}: {problem}")
    {
        File = source;
        JsonPath = path;
    }

    public MockConfigException()
    {
        JsonPath = "$";
    }

    public MockConfigException(string message)
        : base(message)
    {
        JsonPath = "$";
    }

    public MockConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    /// <summary>The configuration file the problem is in.</summary>
    public string? File { get; }

    public string JsonPath { get; }
}
