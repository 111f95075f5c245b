using System.CommandLine;
using System.Text.Json.Nodes;
using SfnResume.Cli.Infrastructure;

namespace SfnResume.Cli.Commands.Deploy;

/// <summary><c>sfn-resume deploy</c>: read the template, deploy it, say what was created or updated.</summary>
internal static class DeployCommand
{
    public static DeployCommandDefinition Create()
    {
        var definition = new DeployCommandDefinition();
        CommandAction.Set(definition, (parseResult, io, ct) => ServiceErrors.Guard(() => ExecuteAsync(definition, parseResult, io, ct)));
        return definition;
    }

    private static async Task<int> ExecuteAsync(DeployCommandDefinition symbols, ParseResult parseResult, CliIo io, CancellationToken ct)
    {
        var templatePath = parseResult.GetValue(symbols.Template)!;
        var deployment = StackDeployer.Read(templatePath, parseResult.GetValue(symbols.StackName), parseResult.GetValue(symbols.Parameters) ?? []);
        await using var connection = ApiConnection.Open(symbols.Connection.Settings(parseResult));
        var result = await StackDeployer.DeployAsync(connection, deployment, StackDeployer.Hash(templatePath), ct).ConfigureAwait(false);
        if (parseResult.GetValue(symbols.Output) == "json")
        {
            io.Out.WriteLine(JsonOutput.Indented(ToJson(result, connection.StateDirectory)));
        }
        else
        {
            Write(io.Out, new Style(io.Color), result, connection.StateDirectory);
        }

        return ExitCodes.Success;
    }

    public static void Write(TextWriter o, Style s, DeployResult result, string stateDir)
    {
        o.WriteLine($"{s.Bold("Stack")} {result.StackName} deployed into {stateDir}");
        var width = result.Resources.Count == 0 ? 0 : result.Resources.Max(r => r.Name.Length);
        foreach (var resource in result.Resources)
        {
            var action = StackDeployer.Describe(resource.Action);
            var shown = resource.Action switch
            {
                DeployAction.Created => s.Green(action.PadRight(9)),
                DeployAction.Updated => s.Yellow(action.PadRight(9)),
                DeployAction.NeedsMapping => s.Yellow(action.PadRight(9)),
                _ => s.Dim(action.PadRight(9)),
            };
            o.WriteLine($"  {shown} {resource.Kind,-13} {s.Bold(resource.Name.PadRight(width))}  {s.Dim(resource.Arn)}");
            if (resource.Note is not null)
            {
                o.WriteLine($"            {s.Dim(resource.Note)}");
            }
        }

        foreach (var output in result.Outputs)
        {
            o.WriteLine($"  output {output.Name} = {output.Value}");
        }
    }

    public static JsonObject ToJson(DeployResult result, string stateDir) => new()
    {
        ["stackName"] = result.StackName,
        ["stackId"] = result.StackId,
        ["stateDir"] = stateDir,
        ["resources"] = new JsonArray([.. result.Resources.Select(r => (JsonNode)new JsonObject
        {
            ["kind"] = r.Kind,
            ["logicalId"] = r.LogicalId,
            ["name"] = r.Name,
            ["arn"] = r.Arn,
            ["action"] = StackDeployer.Describe(r.Action),
            ["note"] = r.Note,
        })]),
        ["outputs"] = new JsonObject(result.Outputs.Select(o => KeyValuePair.Create(o.Name, (JsonNode?)o.Value))),
    };
}
