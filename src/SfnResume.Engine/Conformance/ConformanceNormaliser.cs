using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Brings an engine's execution into the shape of the recorded, normalised AWS data by applying the steps of
/// <c>shared/conformance/normalisation.json</c> in order: object strings parsed one level and keys sorted; the
/// Step Functions API transformers; the case's own transformers (in registration order); then the basic
/// ones (UUIDs under <c>*id</c> keys numbered, timestamps, ISO dates, account, region, partition).
/// One instance normalises one execution: placeholders are numbered consistently across its events and result.
/// Normalising data that is already normalised changes nothing (up to the order inside Parallel blocks).
/// </summary>
public sealed class ConformanceNormaliser
{
    private readonly ConformanceCase _case;
    private readonly ConformanceEnvironment _environment;
    private readonly IReadOnlyList<Func<JsonObject, JsonObject>> _caseSteps;
    private readonly ReferenceTable _references = new();
    private readonly List<(string Label, string Id)> _mapRuns = [];

    /// <param name="case">The case whose transformers apply.</param>
    /// <param name="templateNow">The engine clock's start, used to fill time-relative regexes like the input.</param>
    /// <param name="environment">Account and region the engine ran with.</param>
    public ConformanceNormaliser(ConformanceCase @case, DateTimeOffset? templateNow = null, ConformanceEnvironment? environment = null)
    {
        _case = @case;
        _environment = environment ?? ConformanceEnvironment.Default;
        var unsupported = new List<string>();
        _caseSteps = [.. @case.TestTransformers.Select(t => CaseStep(t, templateNow, unsupported)).OfType<Func<JsonObject, JsonObject>>()];
        UnsupportedTransformers = unsupported;
    }

    /// <summary>Transformers of the case this normaliser cannot reproduce (the comparison may then fail).</summary>
    public IReadOnlyList<string> UnsupportedTransformers { get; }

    public NormalisedExecution Normalise(ConformanceExecution execution)
    {
        JsonArray? events = execution.Events is null ? null : NormaliseEvents(execution.Events);

        // The recorded result is the ExecutionSucceeded/ExecutionFailed event's fields, so the result is
        // normalised in that position (transformers such as $..executionSucceededEventDetails.output reach it).
        var details = new JsonObject();
        bool hasOutput = execution.Output is not null;
        if (hasOutput)
        {
            details["executionSucceededEventDetails"] = new JsonObject { ["output"] = execution.Output };
        }

        var failed = new JsonObject();
        if (execution.Error is not null)
        {
            failed["error"] = execution.Error;
        }

        if (execution.Cause is not null)
        {
            failed["cause"] = execution.Cause;
        }

        details["executionFailedEventDetails"] = failed;
        var result = NormaliseDocument(new JsonObject { ["events"] = new JsonArray(details) });
        var normalisedDetails = result["events"]![0]!.AsObject();
        var succeeded = normalisedDetails["executionSucceededEventDetails"] as JsonObject;
        var failedDetails = normalisedDetails["executionFailedEventDetails"] as JsonObject;
        return new NormalisedExecution(
            execution.Status,
            succeeded?["output"]?.DeepClone(),
            hasOutput,
            failedDetails?["error"] is JsonValue error && error.TryGetValue(out string? errorText) ? errorText : null,
            failedDetails?["cause"]?.DeepClone(),
            events);
    }

    /// <summary>Normalises a <c>GetExecutionHistory</c> event list (raw or already normalised).</summary>
    public JsonArray NormaliseEvents(JsonArray events)
    {
        var document = NormaliseDocument(new JsonObject { ["events"] = events.DeepClone() });
        return document["events"]!.AsArray();
    }

    private JsonObject NormaliseDocument(JsonObject document)
    {
        var root = (JsonObject)SnapshotJson.SortAndParseObjectStrings(document)!;
        root = ApplyApiTransformers(root);
        foreach (var step in _caseSteps)
        {
            root = step(root);
        }

        root = ApplyMapRunArnTransformer(root);
        return ApplyBasicTransformers(root);
    }

    /// <summary>The <c>stepfunctions_api</c> transformers (normalisation.json step 7).</summary>
    private JsonObject ApplyApiTransformers(JsonObject root)
    {
        ReplaceAt(root, "$..SdkHttpMetadata..Date", "date");
        ReplaceAt(root, "$..SdkResponseMetadata..RequestId", "RequestId");
        foreach (string header in (string[])["X-Amzn-Trace-Id", "x-amz-crc32", "x-amzn-RequestId", "x-amzn-requestid"])
        {
            ReplaceAt(root, "$.." + header, header);
        }

        // A cause quoting JSON between single quotes: that JSON text becomes <json-input:N> everywhere.
        SnapshotJson.VisitProperties(root, (name, value) =>
        {
            if (name == "cause" && value is JsonValue v && v.TryGetValue(out string? cause)
                && SnapshotPatterns.QuotedJsonInCause().Match(cause) is { Success: true } match
                && SnapshotJson.TryParse(match.Groups[1].Value, out _))
            {
                _references.Register(match.Groups[1].Value, "json-input");
            }
        });
        return _references.ApplyTo(root);
    }

    /// <summary>
    /// Map run ARNs (<c>...:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>, normalisation.json step 6): the generated
    /// label becomes <c>&lt;MapRunArnPart0_{i}idx&gt;</c> and the id <c>&lt;MapRunArnPart1_{i}idx&gt;</c>, i counting map runs
    /// by first appearance. A label the definition sets itself (<c>"Label"</c>) is kept, as the recordings keep it.
    /// </summary>
    private JsonObject ApplyMapRunArnTransformer(JsonObject root)
    {
        SnapshotJson.VisitProperties(root, (_, value) =>
        {
            if (value is JsonValue v && v.TryGetValue(out string? text))
            {
                foreach (Match match in SnapshotPatterns.MapRunArn().Matches(text))
                {
                    string label = match.Groups[1].Value;
                    string id = match.Groups[2].Value;
                    if (!_mapRuns.Any(r => r.Id == id))
                    {
                        _mapRuns.Add((label, id));
                    }
                }
            }
        });
        if (_mapRuns.Count == 0)
        {
            return root;
        }

        var labels = DefinitionLabels();
        return (JsonObject)SnapshotJson.RewriteStrings(root, text =>
        {
            for (int i = 0; i < _mapRuns.Count; i++)
            {
                var (label, id) = _mapRuns[i];
                if (!labels.Contains(label) && !label.StartsWith('<'))
                {
                    text = text.Replace(label, $"<MapRunArnPart0_{i}idx>", StringComparison.Ordinal);
                }

                if (!id.StartsWith('<'))
                {
                    text = text.Replace(id, $"<MapRunArnPart1_{i}idx>", StringComparison.Ordinal);
                }
            }

            return text;
        })!;
    }

    private HashSet<string> DefinitionLabels()
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        SnapshotJson.VisitProperties(JsonNode.Parse(_case.Definition.GetRawText()), (name, value) =>
        {
            if (name == "Label" && value is JsonValue v && v.TryGetValue(out string? label))
            {
                labels.Add(label);
            }
        });
        return labels;
    }

    /// <summary>The basic (legacy) transformers (normalisation.json step 4).</summary>
    private JsonObject ApplyBasicTransformers(JsonObject root)
    {
        SnapshotJson.VisitProperties(root, (name, value) =>
        {
            if (name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && value is JsonValue v
                && v.TryGetValue(out string? text) && SnapshotPatterns.UuidPrefix().IsMatch(text))
            {
                _references.Register(text, "uuid");
            }
        });
        root = _references.ApplyTo(root);

        // Event timestamps are dates in the API, whatever text our serialiser chose for them.
        if (root["events"] is JsonArray events)
        {
            foreach (var ev in events.OfType<JsonObject>().Where(e => e.ContainsKey("timestamp")))
            {
                ev["timestamp"] = "timestamp";
            }
        }

        SnapshotJson.ReplaceProperties(root, (name, value) =>
            SnapshotPatterns.IsTimestampKey(name) && !IsDateText(value) ? JsonValue.Create("timestamp") : null);

        string account = _environment.AccountId;
        string region = _environment.Region;
        return (JsonObject)SnapshotJson.RewriteStrings(root, text =>
        {
            string result = SnapshotPatterns.IsoDateTime().Replace(text, "date");
            if (account != ConformanceEnvironment.Default.AccountId)
            {
                result = result.Replace(account, ConformanceEnvironment.Default.AccountId, StringComparison.Ordinal);
            }

            return result
                .Replace(region, "<region>", StringComparison.Ordinal)
                .Replace("arn:aws:", "arn:<partition>:", StringComparison.Ordinal);
        })!;
    }

    /// <summary>An ISO date-time string (masked as <c>date</c> later) or an already masked one.</summary>
    private static bool IsDateText(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out string? text)
        && (text == "date" || SnapshotPatterns.IsoDateTime().IsMatch(text));

    private Func<JsonObject, JsonObject>? CaseStep(TestTransformer t, DateTimeOffset? templateNow, List<string> unsupported)
    {
        string? Fill(string? text) =>
            text is not null && templateNow is { } now && _case.InputIsTemplate ? InputTemplate.Fill(text, now) : text;

        switch (t.Kind)
        {
            case "RegexTransformer" or "transform.sfn_sm_create_arn" or "transform.sfn_sm_exec_arn":
                Regex? regex = t.Regex is { } pattern
                    ? PythonRegex.Create(Fill(pattern)!)
                    : t.Source?.Contains("(uuid,", StringComparison.Ordinal) == true ? SnapshotPatterns.Uuid() : null;
                if (regex is null || t.Replacement is null)
                {
                    unsupported.Add(t.Source ?? t.Kind);
                    return null;
                }

                string replacement = t.Replacement;
                return root => (JsonObject)SnapshotJson.RewriteStrings(root, text => regex.Replace(text, _ => replacement))!;

            case "JsonpathTransformer" when t.JsonPath is not null && t.Replacement is not null
                && SnapshotJsonPath.TryParse(t.JsonPath, out var path):
                string name = t.Replacement;
                return t.ReplaceReference
                    ? root =>
                    {
                        foreach (var found in path!.SelectAll(root))
                        {
                            if (found is JsonValue v && v.TryGetValue(out string? text))
                            {
                                _references.Register(text, name);
                            }
                        }

                        return _references.ApplyTo(root);
                    }
                    : root =>
                    {
                        path!.ReplaceAll(root, _ => JsonValue.Create(name));
                        return root;
                    };

            case "SfnNoneRecursiveParallelTransformer":
                return root =>
                {
                    if (root["events"] is JsonArray events)
                    {
                        ParallelEventsSorter.Apply(events);
                    }

                    return root;
                };

            case "GenericTransformer" when t.Source?.Contains("_convert_output_to_json", StringComparison.Ordinal) == true:
                return root =>
                {
                    SnapshotJson.ReplaceProperties(root, (key, value) =>
                        key == "output" && value is JsonValue v && v.TryGetValue(out string? text)
                        && SnapshotJson.TryParse(text, out var parsed) && parsed is not null
                            ? parsed
                            : null);
                    return root;
                };

            default:
                unsupported.Add(t.Source ?? t.Kind);
                return null;
        }
    }

    /// <summary>
    /// Replaces the values at <paramref name="path"/>, except numbered placeholders: some recordings ran the
    /// UUID reference transformer first (their request ids read <c>&lt;uuid:1&gt;</c>), and a placeholder must
    /// survive normalising again.
    /// </summary>
    private static void ReplaceAt(JsonObject root, string path, string replacement) =>
        SnapshotJsonPath.Parse(path).ReplaceAll(root, value => IsPlaceholder(value) ? value : JsonValue.Create(replacement));

    private static bool IsPlaceholder(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue(out string? text) => SnapshotPatterns.NumberedPlaceholder().IsMatch(text),
        JsonArray { Count: 1 } a => IsPlaceholder(a[0]),
        _ => false,
    };

    /// <summary>Values replaced everywhere by numbered placeholders, numbered per name by first appearance.</summary>
    private sealed class ReferenceTable
    {
        private readonly List<KeyValuePair<string, string>> _tokens = [];
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public void Register(string value, string name)
        {
            // A value already replaced by its token (a document normalised after another one) is not a new value.
            if (value.Length == 0 || _tokens.Any(t => t.Key == value || t.Value == value))
            {
                return;
            }

            int number = _counts.GetValueOrDefault(name) + 1;
            _counts[name] = number;
            _tokens.Add(new(value, $"<{name}:{number}>"));
        }

        public JsonObject ApplyTo(JsonObject root) =>
            _tokens.Count == 0
                ? root
                : (JsonObject)SnapshotJson.RewriteStrings(root, text =>
                {
                    foreach (var (value, token) in _tokens)
                    {
                        text = text.Replace(value, token, StringComparison.Ordinal);
                    }

                    return text;
                })!;
    }
}

/// <summary>The account and region an engine ran with; the normaliser maps them to the recorded placeholders.</summary>
public sealed record ConformanceEnvironment(string AccountId, string Region)
{
    /// <summary>The settings of normalisation.json's <c>engine_run_settings</c>.</summary>
    public static ConformanceEnvironment Default { get; } = new("111111111111", "us-east-1");
}
