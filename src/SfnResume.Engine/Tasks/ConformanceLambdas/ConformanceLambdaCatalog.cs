using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks.JavaScript;

namespace SfnResume.Engine.Tasks.ConformanceLambdas;

/// <summary>JavaScript stand-ins for the Lambda functions the conformance corpus calls (Python functions in the
/// recordings), shipped as embedded resources. A case's <c>lambda_functions</c> entries name the source each function
/// was built from; function names repeat across cases with different behaviours, so map per case with
/// <see cref="ForCase"/>.</summary>
public static class ConformanceLambdaCatalog
{
    private const string ResourcePrefix = "SfnResume.Engine.Tasks.ConformanceLambdas.";

    // Keyed by the file name of the case's `source_path`; each handler's header says which behaviour it reproduces.
    private static readonly FrozenDictionary<string, string> s_bySource = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id_function.py"] = "identity.js",
        ["echo_function.py"] = "constant-hello-world.js",
        ["return_bytes_str.py"] = "return-bytes-str.js",
        ["large_output_string.py"] = "large-output.js",
        ["raise_exception.py"] = "raise-exception.js",
        ["raise_custom_exception.py"] = "raise-custom-exception.js",
        ["wait_60_seconds.py"] = "sleep-60s.js",
        ["return_decorated_input.py"] = "return-decorated-input.js",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The recorded functions ran with timeouts above the 60 s sleep (their cases time out on the state's
    /// <c>TimeoutSeconds</c>), so stand-ins get more than that.</summary>
    public static TimeSpan FunctionTimeout { get; } = TimeSpan.FromSeconds(300);

    /// <summary>Handler file names, e.g. <c>identity.js</c>.</summary>
    public static IEnumerable<string> HandlerFiles => s_bySource.Values.Distinct(StringComparer.Ordinal);

    /// <summary>The handler file standing in for a function built from <paramref name="sourcePath"/>, or null.</summary>
    public static string? HandlerFileFor(string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        return s_bySource.GetValueOrDefault(sourcePath[(sourcePath.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Function name to handler file for one case file's <c>lambda_functions</c>.</summary>
    /// <exception cref="InvalidOperationException">A function's source has no stand-in.</exception>
    public static IReadOnlyDictionary<string, string> ForCase(JsonNode caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in caseFile["lambda_functions"]?.AsArray() ?? [])
        {
            var name = (string?)function?["function_name"] ?? throw new InvalidOperationException("lambda_functions entry without function_name");
            var source = (string?)function?["source_path"] ?? "";
            map[name] = HandlerFileFor(source)
                ?? throw new InvalidOperationException($"No stand-in for Lambda function '{name}' built from '{source}' ({(string?)function?["lambda_behaviour"]}).");
        }

        return map;
    }

    /// <summary>The JavaScript source of a handler file.</summary>
    public static string ReadHandler(string handlerFile)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + handlerFile)
            ?? throw new ArgumentException($"No conformance handler '{handlerFile}'.", nameof(handlerFile));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A warm handler for <paramref name="handlerFile"/> serving <paramref name="functionName"/>.</summary>
    public static JavaScriptLambdaHandler CreateHandler(string handlerFile, string functionName, JavaScriptLambdaOptions? options = null) =>
        JavaScriptLambdaHandler.FromCode(ReadHandler(handlerFile),
            (options ?? new JavaScriptLambdaOptions { Timeout = FunctionTimeout }) with { FunctionName = functionName }, handlerFile);
}
