using System.Text.Json.Nodes;
using SfnResume.Templates.Resolution;

namespace SfnResume.Templates.Resources;

/// <summary>
/// Reads <c>AWS::Lambda::Function</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html)
/// and <c>AWS::Serverless::Function</c>
/// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html).
/// Node.js code that sits in the template or in a local folder is carried along; anything else (S3, images,
/// other runtimes) is listed without code and needs a mapping when a state machine calls it.
/// </summary>
internal static class FunctionReader
{
    // Lambda's defaults when Timeout and MemorySize are left out.
    private const int DefaultTimeoutSeconds = 3;
    private const int DefaultMemorySize = 128;
    private static readonly string[] s_moduleExtensions = [".js", ".mjs", ".cjs"];

    public static LambdaFunctionResource ReadCloudFormation(ResourceProperties props)
    {
        var runtime = props.String("Runtime");
        var handler = props.String("Handler");
        LambdaCode? code = null;
        if (IsNode(runtime) && props.Raw("Code") is JsonObject codeNode && codeNode.ContainsKey("ZipFile"))
        {
            var zipFile = props.Stack.ResolveString(codeNode["ZipFile"], props.PathOf("Code").Key("ZipFile"));
            if (zipFile is not null)
            {
                code = Inline(props, handler, zipFile);
            }
        }

        return Build(props, runtime, handler, props.String("Role"), code);
    }

    public static LambdaFunctionResource ReadServerless(ResourceProperties props, TemplateReadOptions options)
    {
        var runtime = props.String("Runtime");
        var handler = props.String("Handler");
        LambdaCode? code = null;
        if (IsNode(runtime) && props.String("PackageType") is null or "Zip")
        {
            if (props.Has("InlineCode"))
            {
                code = Inline(props, handler, props.String("InlineCode") ?? string.Empty);
            }
            else if (props.Node("CodeUri") is JsonValue uriNode && JsonScalars.Text(uriNode) is { } codeUri && IsLocalFolder(codeUri))
            {
                code = LocalFile(props, options, handler, codeUri);
            }
        }

        return Build(props, runtime, handler, props.String("Role") ?? props.ImplicitRoleArn(), code);
    }

    private static LambdaFunctionResource Build(ResourceProperties props, string? runtime, string? handler, string? role, LambdaCode? code)
    {
        var identity = props.Stack.Identity(props.Resource.LogicalId, props.ResourcePath);
        var environment = props.Node("Environment") is JsonObject env
            ? props.StringMap(env["Variables"], props.PathOf("Environment").Key("Variables"))
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new LambdaFunctionResource(
            props.Resource.LogicalId,
            props.Resource.Type,
            identity.PhysicalId,
            identity.Attributes["Arn"],
            runtime,
            handler,
            props.Int("Timeout", DefaultTimeoutSeconds),
            props.Int("MemorySize", DefaultMemorySize),
            environment,
            role,
            code);
    }

    private static bool IsNode(string? runtime) => runtime?.StartsWith("nodejs", StringComparison.Ordinal) == true;

    private static bool IsLocalFolder(string codeUri) =>
        !codeUri.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)
        && !codeUri.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        && !codeUri.EndsWith(".jar", StringComparison.OrdinalIgnoreCase);

    private static (string Module, string Export) SplitHandler(ResourceProperties props, string? handler)
    {
        var dot = handler?.LastIndexOf('.') ?? -1;
        if (handler is null || dot <= 0 || dot == handler.Length - 1)
        {
            throw TemplateErrors.At(props.PathOf("Handler"), $"Handler '{handler}' must be FILE.EXPORT, e.g. index.handler.");
        }

        return (handler[..dot], handler[(dot + 1)..]);
    }

    /// <summary>Code in the template. Lambda saves it as the module the handler names (index.js for
    /// <c>index.handler</c>).</summary>
    private static LambdaCode Inline(ResourceProperties props, string? handler, string source)
    {
        var (module, export) = SplitHandler(props, handler);
        return new LambdaCode(LambdaCodeOrigin.Inline, module + ".js", source, export, null, null);
    }

    /// <summary>SAM's <c>CodeUri</c> folder plus <c>Handler</c> <c>app.lambdaHandler</c>: the module is
    /// <c>app.js</c>, <c>app.mjs</c> or <c>app.cjs</c> in that folder, as Lambda's Node.js runtime looks for it.</summary>
    private static LambdaCode? LocalFile(ResourceProperties props, TemplateReadOptions options, string? handler, string codeUri)
    {
        var (module, export) = SplitHandler(props, handler);
        var folder = Path.GetFullPath(Path.Combine(options.TemplateDirectory, codeUri));
        foreach (var extension in s_moduleExtensions)
        {
            var file = Path.GetFullPath(Path.Combine(folder, module + extension));
            if (options.Files.TryReadAllText(file) is { } source)
            {
                return new LambdaCode(LambdaCodeOrigin.LocalFile, module + extension, source, export, file, folder);
            }
        }

        // A function built by `sam build` (esbuild for TypeScript) has no runnable module until it is built.
        if (props.Resource.Metadata?["BuildMethod"] is not null)
        {
            return null;
        }

        throw TemplateErrors.At(
            props.PathOf("CodeUri"),
            $"folder '{codeUri}' has no {module}.js, {module}.mjs or {module}.cjs for Handler '{handler}' (looked in {folder}).");
    }
}
