namespace SfnResume.Engine.Tests.History;

/// <summary>The recorded cases the engine's own tests replay (the full corpus runs in the conformance suite).</summary>
internal static class CaseList
{
    public static readonly string[] Selected = File.ReadAllLines(SfnResume.Testing.RepoPaths.InRoot("tests", "SfnResume.Engine.Tests", "History", "cases.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();
}
