using System.Text;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

/// <summary>Reads the inline Lambda code (<c>Code.ZipFile</c>) out of the seed's CloudFormation template.</summary>
internal static class SeedTemplate
{
    public static string InlineCode(string resourceName)
    {
        var lines = File.ReadAllLines(RepoPaths.InShared("seed", "ResumeFromState.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == resourceName + ":");
        var zip = Array.FindIndex(lines, start, l => l.TrimStart().StartsWith("ZipFile:", StringComparison.Ordinal));
        var indent = lines[zip + 1].Length - lines[zip + 1].TrimStart().Length;
        var code = new StringBuilder();
        for (var i = zip + 1; i < lines.Length && (lines[i].Length == 0 || lines[i].Length - lines[i].TrimStart().Length >= indent); i++)
        {
            code.AppendLine(lines[i].Length >= indent ? lines[i][indent..] : "");
        }

        return code.ToString();
    }
}
