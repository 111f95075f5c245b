namespace SfnResume.Templates;

/// <summary>How to read a template: the stack it becomes, the account and region it pretends to live in, and
/// where its local files (<c>DefinitionUri</c>, <c>CodeUri</c>) are.</summary>
public sealed record TemplateReadOptions
{
    /// <summary>The stack name used for <c>AWS::StackName</c> and for generated physical names.</summary>
    public required string StackName { get; init; }

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Values given on the command line (<c>--parameter KEY=VALUE</c>); they win over defaults.</summary>
    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The folder that holds the template; relative <c>DefinitionUri</c> and <c>CodeUri</c> paths start here.</summary>
    public string TemplateDirectory { get; init; } = ".";

    /// <summary>Reads the local files a template points at.</summary>
    public ITemplateFileSource Files { get; init; } = DiskTemplateFileSource.Instance;
}
