using System.Diagnostics;
using SfnResume.Core.Graph;
using Xunit.Abstractions;

namespace SfnResume.Core.Tests.Graph;

/// <summary>
/// The DOT text is fed to Graphviz itself, the real judge of its syntax. xunit 2 cannot skip at run time, so on a
/// machine without Graphviz (Debian package <c>graphviz</c>) the test checks the structure with
/// <see cref="DotStructure"/> instead and says so in its output.
/// </summary>
public sealed class GraphvizAcceptanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Pictures() => new() { "seed", "seed-plan", "map-break", "retry-catch", "nested", "escaping" };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Dot_Output_IsAcceptedByGraphviz(string picture)
    {
        var dot = picture switch
        {
            "seed" => GraphRenderer.Dot(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline()),
            "seed-plan" => GraphRenderer.Dot(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline(), new Dictionary<string, PlanMark> { ["Parallel 2"] = PlanMark.ResumeHere }),
            "map-break" => Corpus(),
            "retry-catch" => GraphRenderer.Dot(GraphTestData.Workload("retry-catch")),
            "nested" => GraphRenderer.Dot(GraphTestData.Definition(GraphRendererTests.NestedDefinition)),
            _ => GraphRenderer.Dot(GraphTestData.Definition(GraphRendererTests.EscapingDefinition), title: "a \"quoted\" \\ machine"),
        };

        DotStructure.Check(dot);
        if (FindOnPath("dot") is not { } dotExe)
        {
            output.WriteLine("Graphviz 'dot' is not on PATH (apt-get install graphviz): only the structure was checked");
            return;
        }

        var (exitCode, svg, errors) = Run(dotExe, dot);

        Assert.True(exitCode == 0 && errors.Length == 0, $"dot exited {exitCode}: {errors}");
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("</svg>", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digraph \"x\" { a -> b; }")]
    [InlineData("digraph \"x\" { a [label=\"unclosed]; }")]
    [InlineData("digraph \"x\" { a [label=\"x\"]; ")]
    public void DotStructure_BrokenDot_IsRejected(string dot)
    {
        Assert.ThrowsAny<Exception>(() => DotStructure.Check(dot));
    }

    private static string Corpus()
    {
        var (definition, timeline) = GraphTestData.CorpusCase("scenarios_test_base_scenarios.TestBaseScenarios.test_map_state_break_condition");
        return GraphRenderer.Dot(definition, timeline);
    }

    private static (int ExitCode, string Out, string Error) Run(string exe, string input)
    {
        var start = new ProcessStartInfo(exe, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
