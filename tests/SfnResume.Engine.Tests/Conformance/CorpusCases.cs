using SfnResume.Engine.Conformance;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Conformance;

/// <summary>The recorded corpus in <c>shared/conformance/cases</c>, loaded once per test run.</summary>
internal static class CorpusCases
{
    private static readonly Lazy<IReadOnlyList<ConformanceCase>> s_all =
        new(() => ConformanceCaseLoader.LoadFolder(Folder));

    public static string Folder => RepoPaths.InShared("conformance", "cases");

    public static IReadOnlyList<ConformanceCase> All => s_all.Value;
}
