using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace SfnResume.Testing;

/// <summary>
/// Compares output with a checked-in expected file next to the test source. Set UPDATE_GOLDEN=1 to rewrite
/// the files; reviewers then read the diff.
/// </summary>
internal static class Golden
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="relativePath"/> is relative to the folder of the calling test file.</summary>
    public static void AssertText(string actual, string relativePath, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            throw new XunitException($"output differs from {path} (UPDATE_GOLDEN=1 rewrites it):\n{Diff(expected, actual)}");
        }
    }

    /// <summary>Pretty-prints <paramref name="actual"/> (member order kept) and compares it as text.</summary>
    public static void AssertJson(JsonNode? actual, string relativePath, [CallerFilePath] string callerFile = "") =>
        AssertText((actual?.ToJsonString(s_indented) ?? "null") + "\n", relativePath, callerFile);

    private static string Diff(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"first difference at line {i + 1}:\n- {el}\n+ {al}";
            }
        }

        return "(only line endings differ)";
    }
}
