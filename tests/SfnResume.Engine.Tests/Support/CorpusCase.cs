using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SfnResume.Core.History;
using SfnResume.Engine.Tasks;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Support;

/// <summary>A case of shared/conformance: a definition and input with the history AWS recorded for them.</summary>
internal sealed class CorpusCase
{
    private readonly JsonObject _json;

    private CorpusCase(string file, JsonObject json)
    {
        File = file;
        _json = json;
    }

    public string File { get; }

    public string Definition => _json["definition"]!.ToJsonString();

    public string Input => _json["input"]!.GetValue<string>();

    public string StateMachineName => _json["state_machine_name"]!.GetValue<string>();

    public string ExecutionName => _json["execution_name"]!.GetValue<string>();

    public string RoleArn => _json["role_arn"]!.GetValue<string>();

    public string ExpectedStatus => _json["expected_status"]!.GetValue<string>();

    public bool ParallelNormalised => _json["parallel_events_normalised"]?.GetValue<bool>() ?? false;

    public JsonArray ExpectedEvents => _json["expected_events"]!.AsArray();

    public string LambdaBehaviour => _json["lambda_behaviour"]?.GetValue<string>() ?? "";

    public static CorpusCase Load(string id)
    {
        var file = RepoPaths.InShared("conformance", "cases", id + ".json");
        return new CorpusCase(file, JsonNode.Parse(System.IO.File.ReadAllText(file))!.AsObject());
    }

    /// <summary>The case's text substitutions (its test transformers plus the fixed ones), in order.</summary>
    public IEnumerable<(Regex Pattern, string Replacement)> Substitutions()
    {
        foreach (var t in _json["test_transformers"]?.AsArray() ?? [])
        {
            if (t?["regex"]?.GetValue<string>() is { } regex && t["replacement"]?.GetValue<string>() is { } replacement)
            {
                yield return (new Regex(regex), replacement);
            }
        }

        yield return (new Regex(Regex.Escape(RoleArn)), "snf_role_arn");
        yield return (new Regex(Regex.Escape(StateMachineName)), "<ArnPart_0idx>");
        yield return (new Regex("us-east-1"), "<region>");
        yield return (new Regex("arn:aws:"), "arn:<partition>:");
    }

    /// <summary>The history as the recording tool stored it: transformers applied as text, JSON-object strings parsed one level deep, timestamps masked.</summary>
    public JsonArray Normalise(IReadOnlyList<HistoryEvent> events)
    {
        var text = JsonSerializer.Serialize(events);
        foreach (var (pattern, replacement) in Substitutions())
        {
            text = pattern.Replace(text, replacement);
        }

        var array = JsonNode.Parse(text)!.AsArray();
        foreach (var e in array)
        {
            var obj = e!.AsObject();
            obj["timestamp"] = "timestamp";
            ParseObjectStrings(obj);
        }

        return array;
    }

    /// <summary>Strings inside <c>input</c>, <c>cause</c> ... that hold a JSON object become that object (not inside parsed values).</summary>
    private static void ParseObjectStrings(JsonObject obj)
    {
        foreach (var member in obj.ToList())
        {
            if (member.Value is JsonObject inner)
            {
                ParseObjectStrings(inner);
            }
            else if (member.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith('{'))
            {
                try
                {
                    obj[member.Key] = JsonNode.Parse(s);
                }
                catch (JsonException)
                {
                    // Not JSON: the recording tool keeps such strings as they are.
                }
            }
        }
    }

    /// <summary>Values a JSONPath transformer replaced in the recording: any engine value matches them.</summary>
    public IReadOnlySet<string> ReplacedValues() =>
        (_json["test_transformers"]?.AsArray() ?? [])
            .Where(t => t?["regex"] is null && t?["replacement"] is not null)
            .Select(t => t!["replacement"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Local stand-ins for the case's Lambda functions, following <c>lambda_behaviour</c>.</summary>
    public DelegateInvoker Functions(DelegateInvoker invoker)
    {
        foreach (var f in _json["lambda_functions"]?.AsArray() ?? [])
        {
            var name = f!["function_name"]!.GetValue<string>();
            var behaviour = f["lambda_behaviour"]?.GetValue<string>() ?? "";
            invoker.Add(name, Behaviour(behaviour));
        }

        return invoker;
    }

    private static Func<LambdaInvocation, LambdaOutcome> Behaviour(string behaviour)
    {
        if (behaviour.StartsWith("identity", StringComparison.Ordinal))
        {
            return i => new LambdaOutcome.Succeeded(i.Payload);
        }

        if (behaviour.Contains("raises Exception('Some exception was raised.')", StringComparison.Ordinal))
        {
            return _ => PythonError("Exception", "Some exception was raised.", "line 2, in handler\\n    raise Exception(\\\"Some exception was raised.\\\")\\n");
        }

        if (behaviour.Contains("CustomException", StringComparison.Ordinal))
        {
            return _ => PythonError("CustomException", "", "line 9, in handler\\n    raise CustomException()\\n");
        }

        if (behaviour.StartsWith("constant: returns {\"Return\": \"HelloWorld\"}", StringComparison.Ordinal))
        {
            return _ => new LambdaOutcome.Succeeded(new JsonObject { ["Return"] = "HelloWorld" });
        }

        if (behaviour.Contains("returns a Python bytes object (b'\"HelloWorld!\"')", StringComparison.Ordinal))
        {
            return _ => new LambdaOutcome.Succeeded(JsonValue.Create("HelloWorld!"));
        }

        if (behaviour.Contains("returns 257 KiB of 'a'", StringComparison.Ordinal))
        {
            return _ => new LambdaOutcome.Succeeded(JsonValue.Create(new string('a', 257 * 1024)));
        }

        if (behaviour.Contains("sleeps 60 s", StringComparison.Ordinal))
        {
            return i => i.StateTimeout is { } t && t < TimeSpan.FromSeconds(60) ? LambdaOutcome.TimedOut.Instance : new LambdaOutcome.Succeeded(i.Payload);
        }

        throw new InvalidOperationException("No local stand-in for: " + behaviour);
    }

    // The cause the Python runtime writes: json.dumps with its default separators.
    private static LambdaOutcome.Failed PythonError(string type, string message, string frame) =>
        new(type, "{\"errorMessage\": \"" + message + "\", \"errorType\": \"" + type + "\", \"requestId\": \"" + Guid.NewGuid()
            + "\", \"stackTrace\": [\"  File \\\"/var/task/handler.py\\\", " + frame + "\"]}");
}
