using SfnResume.Testing;

namespace SfnResume.Templates.Tests;

/// <summary>An in-memory file system for DefinitionUri and CodeUri, keyed by full path.</summary>
internal sealed class InMemoryFiles : ITemplateFileSource
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public List<string> Requested { get; } = [];

    public InMemoryFiles Add(string path, string text)
    {
        _files[Path.GetFullPath(path)] = text;
        return this;
    }

    public string? TryReadAllText(string path)
    {
        Requested.Add(path);
        return _files.GetValueOrDefault(Path.GetFullPath(path));
    }
}

internal static class Templates
{
    public const string Account = "123456789012";

    public static string SeedTemplate => File.ReadAllText(RepoPaths.InRoot("samples", "resume-from-state", "ResumeFromState.yaml"));

    public static string TestData(params string[] parts) =>
        RepoPaths.InRoot(["tests", "SfnResume.Templates.Tests", "testdata", .. parts]);

    public static TemplateDeployment Read(string text, string stackName = "demo", IReadOnlyDictionary<string, string>? parameters = null,
        ITemplateFileSource? files = null, string templateDirectory = "/templates", string region = "us-east-1") =>
        TemplateReader.Read(text, new TemplateReadOptions
        {
            StackName = stackName,
            Region = region,
            ParameterOverrides = parameters ?? new Dictionary<string, string>(),
            Files = files ?? new InMemoryFiles(),
            TemplateDirectory = templateDirectory,
        });

    public static TemplateException ReadFails(string text, IReadOnlyDictionary<string, string>? parameters = null, ITemplateFileSource? files = null) =>
        Assert.Throws<TemplateException>(() => Read(text, parameters: parameters, files: files));

    /// <summary>A minimal template around one Pass state machine, with extra YAML under Resources.</summary>
    public static string WithResources(string resourcesYaml, string head = "") =>
        head + "Resources:\n" + resourcesYaml;
}
