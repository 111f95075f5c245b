using SfnResume.Core.Graph;
using SfnResume.Testing;

namespace SfnResume.Core.Tests.Graph;

public sealed class GraphRendererTests
{
    private const string MapBreakCase = "scenarios_test_base_scenarios.TestBaseScenarios.test_map_state_break_condition";
    private const string ParallelCatchCase = "scenarios_test_base_scenarios.TestBaseScenarios.test_parallel_state_catch";

    /// <summary>What the resume planner decides for the seed: skip the first Parallel, resume at Parallel 2,
    /// reuse the branch that succeeded, run the others again.</summary>
    private static readonly Dictionary<string, PlanMark> s_seedMarks = new(StringComparer.Ordinal)
    {
        ["Parallel"] = PlanMark.Skip,
        ["Parallel/branch 0/Parallel Step 1, Process 1"] = PlanMark.Skip,
        ["Parallel Step 1, Process 2"] = PlanMark.Skip,
        ["Parallel 2"] = PlanMark.ResumeHere,
        ["Parallel 2/branch 0/Parallel Step 2, Process 1"] = PlanMark.RunAgain,
        ["Parallel 2/branch 1/Parallel Step 2, Process 2"] = PlanMark.RunAgain,
        ["Final Processing"] = PlanMark.RunAgain,
    };

    [Fact]
    public void Mermaid_SeedSample_ColoursWhatHappened()
    {
        var mermaid = GraphRenderer.Mermaid(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline());

        Golden.AssertText(mermaid, "testdata/seed.mmd");
        Assert.Contains("s0[[\"Parallel<br/>2 branches succeeded\"]]", mermaid, StringComparison.Ordinal);
        Assert.Contains("s3[[\"Parallel 2<br/>1 of 2 branches failed, 1 aborted\"]]", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s0,s1,s2 succeeded", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s6 notReached", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s3,s5 failed", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s4 aborted", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_SeedSample_ClustersBranchesWithTheSameColours()
    {
        var dot = GraphRenderer.Dot(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline(), title: "definition");

        Golden.AssertText(dot, "testdata/seed.dot");
        Assert.Equal(4, CountOf(dot, "subgraph cluster_c"));
        Assert.Contains("subgraph cluster_legend {", dot, StringComparison.Ordinal);
        Assert.Contains("s6 [label=\"Final Processing\", style=\"filled\", fillcolor=\"#fafafa\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_SeedSampleWithPlan_ColoursWhatTheResumeDoes()
    {
        var mermaid = GraphRenderer.Mermaid(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline(), s_seedMarks);

        Golden.AssertText(mermaid, "testdata/seed-plan.mmd");
        Assert.Contains("class s0,s1,s2 skip", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s3 resumeHere", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s4,s5,s6 runAgain", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("classDef failed", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_SeedSampleWithPlan_MarksTheResumeStateBold()
    {
        var dot = GraphRenderer.Dot(GraphTestData.SeedDefinition(), GraphTestData.SeedTimeline(), s_seedMarks);

        Golden.AssertText(dot, "testdata/seed-plan.dot");
        Assert.Contains("fillcolor=\"#e1bee7\", color=\"#6a1b9a\", fontcolor=\"#4a148c\", penwidth=3", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_MapWithChoiceAndFail_CountsIterationsAndLabelsRules()
    {
        var (definition, timeline) = GraphTestData.CorpusCase(MapBreakCase);

        var mermaid = GraphRenderer.Mermaid(definition, timeline);

        Golden.AssertText(mermaid, "testdata/map-break.mmd");
        Assert.Contains("MapState<br/>1 of 7 iterations failed, 2 not started", mermaid, StringComparison.Ordinal);
        Assert.Contains("-->|\"default\"|", mermaid, StringComparison.Ordinal);
        Assert.Contains("subgraph c1[\"MapState/item processor\"]", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_MapWithChoiceAndFail_MatchesGolden()
    {
        var (definition, timeline) = GraphTestData.CorpusCase(MapBreakCase);

        Golden.AssertText(GraphRenderer.Dot(definition, timeline), "testdata/map-break.dot");
    }

    [Fact]
    public void Mermaid_ParallelCatch_DrawsTheCatchDashedWithItsErrors()
    {
        var (definition, timeline) = GraphTestData.CorpusCase(ParallelCatchCase);

        var mermaid = GraphRenderer.Mermaid(definition, timeline);

        Golden.AssertText(mermaid, "testdata/parallel-catch.mmd");
        Assert.Contains("-.->|\"FailureType\"|", mermaid, StringComparison.Ordinal);
        Assert.Contains("classDef caught", mermaid, StringComparison.Ordinal);
        Assert.Contains("    s0 -.- begin1\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    linkStyle 2 stroke:#ef6c00", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_DefinitionAlone_HasNoColours()
    {
        var mermaid = GraphRenderer.Mermaid(GraphTestData.Workload("retry-catch"));

        Golden.AssertText(mermaid, "testdata/retry-catch.mmd");
        Assert.DoesNotContain("classDef", mermaid, StringComparison.Ordinal);
        Assert.Contains("s0 -->|\"$.i #60; $.limit\"| s1", mermaid, StringComparison.Ordinal);
        Assert.Contains("s1 -.->|\"States.ALL\"| s3", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_DefinitionAlone_MatchesGolden()
    {
        Golden.AssertText(GraphRenderer.Dot(GraphTestData.Workload("retry-catch")), "testdata/retry-catch.dot");
    }

    [Fact]
    public void Mermaid_NamesThatNeedEscaping_AreQuotedAndEncoded()
    {
        var definition = GraphTestData.Definition(EscapingDefinition);

        var mermaid = GraphRenderer.Mermaid(definition);

        Golden.AssertText(mermaid, "testdata/escaping.mmd");
        Assert.Contains("s0[\"Say #34;hi#34; #38; wave\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("s1{\"[choice] #124; end\"}", mermaid, StringComparison.Ordinal);
        Assert.Contains("s2(\"#60;b#62;bold#60;/b#62; #35;1 #59; x\")", mermaid, StringComparison.Ordinal);
        Assert.Contains("s3([\"Ünïcødé ✓ 完成\"])", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_NamesThatNeedEscaping_AreQuoted()
    {
        var dot = GraphRenderer.Dot(GraphTestData.Definition(EscapingDefinition), title: "a \"quoted\" machine");

        Golden.AssertText(dot, "testdata/escaping.dot");
        Assert.StartsWith("digraph \"a \\\"quoted\\\" machine\" {", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"C:\\\\temp\\\\new\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void PathOf_NestedState_NamesOwnersAndBranches()
    {
        var definition = GraphTestData.SeedDefinition();

        Assert.True(definition.TryGetLocation("Parallel Step 2, Process 2", out var inner));
        Assert.True(definition.TryGetLocation("Final Processing", out var top));

        Assert.Equal("Parallel 2/branch 1/Parallel Step 2, Process 2", GraphRenderer.PathOf(inner));
        Assert.Equal("Final Processing", GraphRenderer.PathOf(top));
    }

    [Fact]
    public void Mermaid_MapInsideParallel_NestsSubgraphsAndFindsMarksByPath()
    {
        var definition = GraphTestData.Definition(NestedDefinition);
        Assert.True(definition.TryGetLocation("Check", out var check));
        var marks = new Dictionary<string, PlanMark>(StringComparer.Ordinal)
        {
            [GraphRenderer.PathOf(check)] = PlanMark.RunAgain,
            ["Audit"] = PlanMark.Reuse,
        };

        var mermaid = GraphRenderer.Mermaid(definition, marks: marks);

        Golden.AssertText(mermaid, "testdata/nested.mmd");
        Assert.Equal("Outer/branch 0/Items/item processor/Check", GraphRenderer.PathOf(check));
        Assert.Matches(@"subgraph c1\[""Outer/branch 0""\]\n\s+begin1[^\n]*\n(.*\n)*?\s+subgraph c2\[""Items/item processor""\]", mermaid);
        Assert.Contains("class s2 runAgain", mermaid, StringComparison.Ordinal);
        Assert.Contains("class s5 reuse", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_MapInsideParallel_NestsClusters()
    {
        var dot = GraphRenderer.Dot(GraphTestData.Definition(NestedDefinition));

        Golden.AssertText(dot, "testdata/nested.dot");
        DotStructure.Check(dot);
        Assert.Matches(@"subgraph cluster_c1 \{\n(.*\n)*?\s+subgraph cluster_c2 \{", dot);
    }

    internal const string NestedDefinition = """
        {
          "StartAt": "Outer",
          "States": {
            "Outer": {
              "Type": "Parallel",
              "Branches": [
                {
                  "StartAt": "Items",
                  "States": {
                    "Items": {
                      "Type": "Map",
                      "ItemProcessor": {
                        "StartAt": "Check",
                        "States": {
                          "Check": { "Type": "Choice", "Choices": [ { "Variable": "$.ok", "BooleanEquals": true, "Next": "Done" } ], "Default": "Broken" },
                          "Done": { "Type": "Succeed" },
                          "Broken": { "Type": "Fail", "Error": "Bad" }
                        }
                      },
                      "End": true
                    }
                  }
                },
                { "StartAt": "Audit", "States": { "Audit": { "Type": "Wait", "Seconds": 1, "End": true } } }
              ],
              "Catch": [ { "ErrorEquals": [ "Bad", "States.Timeout" ], "Next": "Report" } ],
              "End": true
            },
            "Report": { "Type": "Pass", "End": true }
          }
        }
        """;

    internal const string EscapingDefinition = """
        {
          "StartAt": "Say \"hi\" & wave",
          "States": {
            "Say \"hi\" & wave": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:111111111111:function:f", "Next": "[choice] | end" },
            "[choice] | end": {
              "Type": "Choice",
              "Choices": [ { "Variable": "$.name", "StringEquals": "a \"b\" {c}", "Next": "<b>bold</b> #1 ; x" } ],
              "Default": "C:\\temp\\new"
            },
            "<b>bold</b> #1 ; x": { "Type": "Pass", "Next": "Ünïcødé ✓ 完成" },
            "Ünïcødé ✓ 完成": { "Type": "Succeed" },
            "C:\\temp\\new": { "Type": "Fail", "Error": "end", "Cause": "subgraph" }
          }
        }
        """;

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
