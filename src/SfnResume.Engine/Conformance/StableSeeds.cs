namespace SfnResume.Engine.Conformance;

/// <summary>Seeds derived from text (a case id) that are the same in every process, so runs repeat exactly.</summary>
internal static class StableSeeds
{
    /// <summary>FNV-1a over the UTF-16 code units (<see cref="string.GetHashCode()"/> is randomised per process).</summary>
    public static int For(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return unchecked((int)hash);
    }
}
