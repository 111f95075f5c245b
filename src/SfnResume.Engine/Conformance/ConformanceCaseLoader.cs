using System.Collections.Immutable;
using System.Text.Json;

namespace SfnResume.Engine.Conformance;

/// <summary>
/// Reads conformance cases: one JSON file per case, as in <c>shared/conformance/cases</c>. A folder of the
/// user's own recorded executions in the same format loads the same way; only <c>definition</c>,
/// <c>input</c> and <c>expected_status</c> are required, the rest has defaults.
/// </summary>
public static class ConformanceCaseLoader
{
    /// <summary>The account and role used when a case does not name them (see normalisation.json).</summary>
    public const string DefaultRoleArn = "arn:aws:iam::111111111111:role/sfn-conformance-role";

    /// <summary>Loads every <c>*.json</c> file of <paramref name="folder"/>, ordered by file name.</summary>
    public static IReadOnlyList<ConformanceCase> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ConformanceCaseException($"{folder}: folder of conformance cases not found");
        }

        return [.. Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)];
    }

    public static ConformanceCase LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ConformanceCaseException($"{path}: cannot read case file: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses one case; <paramref name="sourceFile"/> names the case in error messages.</summary>
    public static ConformanceCase Parse(string json, string sourceFile)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ConformanceCaseException($"{sourceFile}: not valid JSON: {e.Message}", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceCaseException($"{sourceFile}: a case must be a JSON object");
        }

        var reader = new CaseFieldReader(root, sourceFile);
        string fileId = Path.GetFileNameWithoutExtension(sourceFile);
        string status = reader.RequiredString("expected_status");
        return new ConformanceCase
        {
            Id = reader.OptionalString("id") ?? fileId,
            RecordedOn = reader.OptionalDay("recorded_date"),
            SourceFile = sourceFile,
            Definition = reader.RequiredObject("definition"),
            Input = reader.RequiredString("input"),
            InputIsTemplate = reader.OptionalBool("input_is_template"),
            StateMachineType = reader.OptionalString("state_machine_type") ?? "STANDARD",
            StateMachineName = reader.OptionalString("state_machine_name") ?? "statemachine_" + fileId,
            ExecutionName = reader.OptionalString("execution_name") ?? "exec_0001",
            RoleArn = reader.OptionalString("role_arn") ?? DefaultRoleArn,
            ExpectedStatus = status,
            ExpectedOutput = reader.OptionalValue("expected_output"),
            ExpectedError = reader.OptionalString("expected_error"),
            ExpectedCause = reader.OptionalValue("expected_cause"),
            ExpectedEvents = reader.OptionalArray("expected_events"),
            HasFullHistory = reader.OptionalBool("has_full_history"),
            ParallelEventsNormalised = reader.OptionalBool("parallel_events_normalised"),
            LambdaFunctions = reader.Objects("lambda_functions", ReadLambda),
            Categories = reader.Strings("categories"),
            Features = reader.Strings("features"),
            TestTransformers = reader.Objects("test_transformers", ReadTransformer),
            SkipVerifyPaths = reader.Strings("localstack_skip_verify_paths"),
            ApiCallsDuringExecution = reader.Objects("api_calls_during_execution", r => r.RequiredString("action")),
        };
    }

    private static ConformanceLambdaFunction ReadLambda(CaseFieldReader r) =>
        new(r.RequiredString("function_name"), r.OptionalString("function_arn"), r.OptionalString("lambda_behaviour"))
        {
            SourcePath = r.OptionalString("source_path"),
        };

    private static TestTransformer ReadTransformer(CaseFieldReader r) =>
        new(
            r.RequiredString("kind"),
            r.OptionalString("regex"),
            r.OptionalString("replacement"),
            r.OptionalString("jsonpath"),
            r.OptionalBool("replace_reference"),
            r.OptionalString("source"));

    /// <summary>Reads typed fields and names the exact field (with its array index) when one is malformed.</summary>
    private sealed class CaseFieldReader(JsonElement obj, string file, string prefix = "")
    {
        public string RequiredString(string name) =>
            OptionalString(name) ?? throw Error(name, "is required (a string)");

        public string? OptionalString(string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw Error(name, $"must be a string, found {Kind(value)}");
        }

        /// <summary>
        /// A day as the corpus writes it (<c>03-05-2024, 13:44:53</c>: day first) or in ISO 8601
        /// (<c>2024-05-03</c>, <c>2024-05-03T13:44:53+00:00</c>).
        /// </summary>
        public DateOnly? OptionalDay(string name)
        {
            if (OptionalString(name) is not { } text)
            {
                return null;
            }

            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            if (DateTime.TryParseExact(text, ["dd-MM-yyyy, HH:mm:ss", "dd-MM-yyyy", "yyyy-MM-dd"], invariant,
                    System.Globalization.DateTimeStyles.None, out var day))
            {
                return DateOnly.FromDateTime(day);
            }

            return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], invariant,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? DateOnly.FromDateTime(at.UtcDateTime)
                : throw Error(name, $"must be a date (DD-MM-YYYY, HH:MM:SS or ISO 8601), found '{text}'");
        }

        public bool OptionalBool(string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Error(name, $"must be true or false, found {Kind(value)}"),
            };
        }

        public JsonElement RequiredObject(string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw Error(name, "is required (a JSON object)");
            }

            return value.ValueKind == JsonValueKind.Object
                ? value
                : throw Error(name, $"must be a JSON object, found {Kind(value)}");
        }

        /// <summary>Absent gives null; a present JSON null gives a Null element (AWS returned null).</summary>
        public JsonElement? OptionalValue(string name) =>
            obj.TryGetProperty(name, out var value) ? value : null;

        public JsonElement? OptionalArray(string name)
        {
            if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Array
                ? value
                : throw Error(name, $"must be an array or null, found {Kind(value)}");
        }

        public ImmutableArray<string> Strings(string name)
        {
            var array = OptionalArray(name);
            if (array is null)
            {
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            int index = 0;
            foreach (var item in array.Value.EnumerateArray())
            {
                builder.Add(item.ValueKind == JsonValueKind.String
                    ? item.GetString()!
                    : throw Error($"{name}[{index}]", $"must be a string, found {Kind(item)}"));
                index++;
            }

            return builder.ToImmutable();
        }

        public ImmutableArray<T> Objects<T>(string name, Func<CaseFieldReader, T> read)
        {
            var array = OptionalArray(name);
            if (array is null)
            {
                return [];
            }

            var builder = ImmutableArray.CreateBuilder<T>();
            int index = 0;
            foreach (var item in array.Value.EnumerateArray())
            {
                string path = $"{name}[{index}]";
                builder.Add(item.ValueKind == JsonValueKind.Object
                    ? read(new CaseFieldReader(item, file, prefix + path + "."))
                    : throw Error(path, $"must be a JSON object, found {Kind(item)}"));
                index++;
            }

            return builder.ToImmutable();
        }

        private ConformanceCaseException Error(string name, string problem) => new(file, prefix + name, problem);

        private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
    }
}
