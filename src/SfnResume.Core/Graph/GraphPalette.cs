namespace SfnResume.Core.Graph;

/// <summary>One colour set for every output format, so Mermaid and Graphviz pictures read the same.</summary>
internal sealed record NodeColours(string Name, string Fill, string Stroke, string Text, bool Dashed, int StrokeWidth, string Meaning);

internal static class GraphPalette
{
    /// <summary>The classes in the order a legend lists them.</summary>
    public static IReadOnlyList<(NodeClass Class, NodeColours Colours)> All { get; } =
    [
        (NodeClass.Succeeded, new("succeeded", "#d4edda", "#2e7d32", "#1b5e20", false, 1, "succeeded")),
        (NodeClass.Failed, new("failed", "#f8d7da", "#c62828", "#b71c1c", false, 2, "failed")),
        (NodeClass.Caught, new("caught", "#ffe0b2", "#ef6c00", "#e65100", false, 1, "failed, caught")),
        (NodeClass.Aborted, new("aborted", "#e0e0e0", "#757575", "#424242", true, 1, "aborted")),
        (NodeClass.NotFinished, new("notFinished", "#e3f2fd", "#1565c0", "#0d47a1", true, 1, "not finished")),
        (NodeClass.NotReached, new("notReached", "#fafafa", "#bdbdbd", "#9e9e9e", false, 1, "not reached")),
        (NodeClass.Skip, new("skip", "#eeeeee", "#9e9e9e", "#757575", false, 1, "skipped")),
        (NodeClass.Reuse, new("reuse", "#bbdefb", "#1565c0", "#0d47a1", false, 1, "recorded result reused")),
        (NodeClass.RunAgain, new("runAgain", "#fff59d", "#f9a825", "#5d4037", false, 1, "runs again")),
        (NodeClass.ResumeHere, new("resumeHere", "#e1bee7", "#6a1b9a", "#4a148c", false, 3, "resume here")),
    ];

    public static NodeColours Of(NodeClass nodeClass) => All.First(c => c.Class == nodeClass).Colours;
}
