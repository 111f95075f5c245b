namespace SfnResume.Core.Asl;

/// <summary>
/// A JSONPath field that may be absent (use the default, <c>$</c>), JSON <c>null</c> (discard: the input
/// becomes <c>{}</c> for InputPath/OutputPath, the result is dropped for ResultPath), or a path string.
/// https://states-language.net/#filters
/// </summary>
public readonly record struct OptionalPath
{
    private OptionalPath(bool present, string? path)
    {
        IsPresent = present;
        Path = path;
    }

    public static OptionalPath Absent => default;

    public static OptionalPath Null => new(true, null);

    public static OptionalPath Of(string path) => new(true, path);

    /// <summary>True when the field appears in the definition (as a string or as null).</summary>
    public bool IsPresent { get; }

    public bool IsAbsent => !IsPresent;

    /// <summary>True for an explicit JSON <c>null</c>.</summary>
    public bool IsNull => IsPresent && Path is null;

    /// <summary>The path text, or null when absent or null.</summary>
    public string? Path { get; }

    /// <summary>The path to apply: the text, <c>$</c> when absent, null when discarded.</summary>
    public string? EffectivePath => IsPresent ? Path : "$";

    public override string ToString() => IsAbsent ? "<absent>" : Path ?? "null";
}
