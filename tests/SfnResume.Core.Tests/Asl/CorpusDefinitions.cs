using System.Text.Json;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.Asl;

/// <summary>Definitions that ran on AWS: the execution corpus, the workloads and the seed sample.</summary>
internal static class CorpusDefinitions
{
    public static IEnumerable<string> ConformanceCaseFiles() =>
        Directory.EnumerateFiles(RepoPaths.InShared("conformance", "cases"), "*.json").Order(StringComparer.Ordinal);

    public static IEnumerable<string> WorkloadFiles() =>
        Directory.EnumerateFiles(RepoPaths.InShared("workloads"), "*.asl.json").Order(StringComparer.Ordinal);

    public static string SampleFile => RepoPaths.InRoot("samples", "resume-from-state", "definition.asl.json");

    /// <summary>The <c>definition</c> of a conformance case, as the exact text stored in the case file.</summary>
    public static string DefinitionText(string caseFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(caseFile));
        return document.RootElement.GetProperty("definition").GetRawText();
    }

    /// <summary>Removes whitespace outside string literals, so two texts compare on tokens alone.</summary>
    public static string StripWhitespace(string json)
    {
        var builder = new System.Text.StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\')
                {
                    builder.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
