using SfnResume.Cli.Infrastructure;
using SfnResume.Resume;

namespace SfnResume.Cli.Commands.Plan;

/// <summary>The plan for people: what failed and where, where it resumes, what it skips, the input.</summary>
internal static class PlanText
{
    public static void Write(TextWriter o, Style s, ResumePlan plan, string? outDir)
    {
        if (plan.Failure is { } failure)
        {
            o.WriteLine($"{s.Bold("Execution")} {s.Red(failure.ExecutionStatus)} at {s.Bold(failure.State)}");
            if (failure.Error is not null)
            {
                o.WriteLine($"  error: {s.Red(failure.Error)}");
            }

            if (!string.IsNullOrEmpty(failure.Cause))
            {
                o.WriteLine($"  cause: {OneLine(failure.Cause)}");
            }

            o.WriteLine();
            o.WriteLine(s.Bold("Failure path"));
            var depth = 0;
            for (var i = 0; i < failure.Path.Length; i++)
            {
                var segment = failure.Path[i];
                var indent = depth == 0 ? "  " : "  " + new string(' ', (depth - 1) * 3) + "└─ ";
                var last = i == failure.Path.Length - 1;
                var label = segment.Kind == PathSegmentKind.State ? s.Bold(segment.Label) : s.Dim(segment.Label);
                var mark = last ? " " + s.Red("✗ " + (failure.Error ?? "failed")) : "";
                o.WriteLine(indent + label + mark);
                depth++;
            }

            o.WriteLine();
        }

        o.WriteLine($"{s.Bold("Resume at")}  {s.Green(plan.ResumeState)}");
        if (plan.Note is not null)
        {
            o.WriteLine($"           {s.Yellow(plan.Note)}");
        }

        if (plan.Skipped.Length > 0)
        {
            o.WriteLine($"{s.Bold("Skips")}      {SkippedList(plan)}");
        }

        o.WriteLine($"{s.Bold("Copy")}       {plan.StateMachineName} (Choice state '{plan.ChoiceStateName}' in front)");
        o.WriteLine($"{s.Bold("Input")}");
        foreach (var line in PlanJson.Indented(plan.ResumeInput).Split('\n'))
        {
            o.WriteLine("  " + s.Cyan(line));
        }

        o.WriteLine();
        if (outDir is not null)
        {
            o.WriteLine($"Wrote {Path.Combine(outDir, "resume-definition.json")}, {Path.Combine(outDir, "resume-input.json")} and the picture {Path.Combine(outDir, "resume-graph.mmd")}.");
        }

        o.WriteLine(s.Dim($"Start the copy with this input; without \"{plan.FlagName}\": true it runs the original flow from the start."));
    }

    private static string OneLine(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > 300 ? flat[..300] + "…" : flat;
    }

    /// <summary>How many names of skipped states the text shows; <c>--output json</c> lists them all.</summary>
    internal const int SkippedShown = 12;

    /// <summary>The skipped states' names, the first <see cref="SkippedShown"/> of a long list and how many more.</summary>
    internal static string SkippedList(ResumePlan plan)
    {
        var names = plan.Skipped.Select(k => k.Name);
        return plan.Skipped.Length <= SkippedShown
            ? string.Join(", ", names)
            : $"{string.Join(", ", names.Take(SkippedShown - 2))} and {plan.Skipped.Length - (SkippedShown - 2)} more ({plan.Skipped.Length} states; --output json lists them all)";
    }
}
