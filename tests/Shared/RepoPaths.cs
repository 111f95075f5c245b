namespace SfnResume.Testing;

/// <summary>Locates the repository root and the read-only <c>shared/</c> folder that sits beside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding <c>SfnResume.slnx</c>.</summary>
    public static string Root => s_root.Value;

    /// <summary>The <c>shared/</c> folder beside the checkout (reference material, corpora, workloads).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string InShared(params string[] parts) => Path.Combine([Shared, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SfnResume.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SfnResume.slnx not found above " + AppContext.BaseDirectory);
    }
}
