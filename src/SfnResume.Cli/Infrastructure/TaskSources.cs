using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.Http;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Engine.Tasks.Mocking;

namespace SfnResume.Cli.Infrastructure;

internal sealed record TaskSourceOptions(
    IReadOnlyList<string> Lambdas,
    string? LambdaEndpoint,
    string? MocksFile,
    string? TestCase,
    string StateMachineName);

/// <summary>Builds what serves Lambda tasks from <c>--lambda</c>, <c>--lambda-endpoint</c> and <c>--mocks</c>.</summary>
internal static class TaskSources
{
    public static LambdaResolver FromOptions(TaskSourceOptions options)
    {
        var handlers = new Dictionary<string, ILambdaInvoker>(StringComparer.Ordinal);
        foreach (var mapping in options.Lambdas)
        {
            var (name, file) = SplitMapping(mapping);
            if (!File.Exists(file))
            {
                throw new CliUserException($"--lambda {mapping}: no such file '{file}'");
            }

            handlers[name] = JavaScriptLambdaHandler.FromFile(file, new JavaScriptLambdaOptions { FunctionName = name });
        }

        ILambdaInvoker? endpoint = null;
        if (options.LambdaEndpoint is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUserException($"--lambda-endpoint: '{url}' is not an http(s) URL");
            }

            endpoint = new HttpLambdaInvoker(uri, new HttpClient());
        }

        var resolver = new LambdaResolver(handlers, endpoint);
        if (options.MocksFile is null)
        {
            if (options.TestCase is not null)
            {
                throw new CliUserException("--test-case needs --mocks FILE");
            }

            return resolver;
        }

        if (options.TestCase is null)
        {
            throw new CliUserException("--mocks needs --test-case NAME");
        }

        try
        {
            var config = MockConfig.Load(options.MocksFile);
            return resolver.WithMockTestCase(config.GetTestCase(options.StateMachineName, options.TestCase));
        }
        catch (MockConfigException ex)
        {
            throw new CliUserException(ex.Message);
        }
        catch (IOException ex)
        {
            throw new CliUserException($"--mocks: cannot read '{options.MocksFile}': {ex.Message}");
        }
    }

    private static (string Name, string File) SplitMapping(string mapping)
    {
        var eq = mapping.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == mapping.Length - 1)
        {
            throw new CliUserException($"--lambda '{mapping}': expected NAME=FILE.js");
        }

        return (mapping[..eq], mapping[(eq + 1)..]);
    }
}
