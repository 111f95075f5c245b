using System.Text.Json.Nodes;

namespace SfnResume.Templates.Tests;

public sealed class SamTemplateTests
{
    private static readonly string s_folder = Templates.TestData("sam-app");

    private static TemplateDeployment ReadSample(IReadOnlyDictionary<string, string>? parameters = null) =>
        TemplateReader.Read(File.ReadAllText(Path.Combine(s_folder, "template.yaml")), new TemplateReadOptions
        {
            StackName = "orders",
            TemplateDirectory = s_folder,
            ParameterOverrides = parameters ?? new Dictionary<string, string>(),
        });

    [Fact]
    public void Read_ServerlessFunctionWithCodeUri_LoadsHandlerModuleFromFolder()
    {
        var charge = ReadSample().Functions.Single(f => f.LogicalId == "ChargeFunction");

        Assert.Equal("AWS::Serverless::Function", charge.ResourceType);
        Assert.Matches("^orders-ChargeFunction-[A-Z0-9]{13}$", charge.FunctionName);
        Assert.Equal("nodejs20.x", charge.Runtime);
        Assert.Equal(10, charge.TimeoutSeconds);
        var code = charge.Code!;
        Assert.Equal(LambdaCodeOrigin.LocalFile, code.Origin);
        Assert.Equal("app.mjs", code.FileName);
        Assert.Equal("lambdaHandler", code.ExportName);
        Assert.Equal(Path.Combine(s_folder, "functions", "charge", "app.mjs"), code.SourcePath);
        Assert.Equal(Path.Combine(s_folder, "functions", "charge"), code.CodeDirectory!.TrimEnd('/'));
        Assert.StartsWith("export const lambdaHandler", code.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ServerlessFunction_MergesGlobalEnvironmentWithOwnWinning()
    {
        var deployment = ReadSample(new Dictionary<string, string> { ["Stage"] = "prod" });
        var charge = deployment.Functions.Single(f => f.LogicalId == "ChargeFunction");

        Assert.Equal("prod", charge.Environment["STAGE"]);
        Assert.Equal("debug", charge.Environment["LOG_LEVEL"]);
        Assert.Equal($"arn:aws:iam::{Templates.Account}:role/orders-ChargeFunctionRole-", charge.RoleArn![..^13]);
    }

    [Fact]
    public void Read_ServerlessFunctionWithInlineCode_UsesFunctionNameAndOwnTimeout()
    {
        var notify = ReadSample().Functions.Single(f => f.LogicalId == "NotifyFunction");

        Assert.Equal("orders-notify", notify.FunctionName);
        Assert.Equal($"arn:aws:lambda:us-east-1:{Templates.Account}:function:orders-notify", notify.Arn);
        Assert.Equal(30, notify.TimeoutSeconds);
        Assert.Equal(LambdaCodeOrigin.Inline, notify.Code!.Origin);
        Assert.Equal("index.js", notify.Code.FileName);
        Assert.Equal("exports.handler = async (event) => ({ ...event, notified: true });\n", notify.Code.Source);
    }

    [Fact]
    public void Read_NonNodeFunction_IsListedWithoutCode()
    {
        var report = ReadSample().Functions.Single(f => f.LogicalId == "ReportFunction");

        Assert.True(report.NeedsCodeMapping);
        Assert.Equal("python3.12", report.Runtime);
    }

    [Fact]
    public void Read_ServerlessStateMachineWithDefinitionUri_AppliesSubstitutions()
    {
        var deployment = ReadSample();
        var machine = deployment.StateMachines.Single(m => m.LogicalId == "OrderStateMachine");
        var charge = deployment.Functions.Single(f => f.LogicalId == "ChargeFunction");

        Assert.Equal("EXPRESS", machine.Type);
        Assert.Matches("^OrderStateMachine-[A-Za-z0-9]{12}$", machine.Name);
        var definition = JsonNode.Parse(machine.Definition)!;
        Assert.Equal("Charge then notify (dev)", (string?)definition["Comment"]);
        Assert.Equal(charge.Arn, (string?)definition["States"]!["Charge"]!["Resource"]);
        Assert.Equal("orders-notify", (string?)definition["States"]!["Notify"]!["Parameters"]!["FunctionName"]);
        Assert.Equal("$", (string?)definition["States"]!["Notify"]!["Parameters"]!["Payload.$"]);
        Assert.Equal($"arn:aws:iam::{Templates.Account}:role/orders-OrderStateMachineRole-", machine.RoleArn![..^13]);
        Assert.Equal([new ResourceTag("stateMachine:createdBy", "SAM"), new ResourceTag("team", "payments")], machine.Tags);
    }

    [Fact]
    public void Read_ServerlessStateMachineWithInlineDefinition_ResolvesIntrinsicsAndName()
    {
        var deployment = ReadSample(new Dictionary<string, string> { ["Stage"] = "prod" });
        var machine = deployment.StateMachines.Single(m => m.LogicalId == "AuditStateMachine");

        Assert.Equal("audit-prod", machine.Name);
        Assert.Equal($"arn:aws:states:us-east-1:{Templates.Account}:stateMachine:audit-prod", machine.Arn);
        Assert.Equal(
            """{"StartAt":"Audit","States":{"Audit":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders-notify","End":true}}}""",
            machine.Definition);
        Assert.Equal(deployment.Functions.Single(f => f.LogicalId == "ChargeFunction").RoleArn, machine.RoleArn);
        Assert.Equal("STANDARD", machine.Type);
    }

    [Fact]
    public void Read_SamTemplate_ResolvesOutputsAndListsImplicitRoles()
    {
        var deployment = ReadSample();

        var order = deployment.StateMachines.Single(m => m.LogicalId == "OrderStateMachine");
        Assert.Matches("^https://[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com/Prod/charge$", deployment.Outputs[0].Value);
        Assert.Equal(new TemplateOutput("OrderStateMachineArn", order.Arn, null, null), deployment.Outputs[1]);
        var charge = deployment.Outputs[2];
        Assert.Equal(deployment.Functions[0].FunctionName, charge.Value);
        Assert.Equal("orders-charge", charge.ExportName);
        Assert.Contains(deployment.Resources, r => r.LogicalId == "ChargeFunctionRole" && r.ResourceType == "AWS::IAM::Role");
        Assert.DoesNotContain(deployment.Resources, r => r.LogicalId == "AuditStateMachineRole");
        Assert.Contains(deployment.Resources, r => r.LogicalId == "ServerlessRestApi" && r.ResourceType == "AWS::ApiGateway::RestApi");
    }

    [Fact]
    public void Read_CodeUriWithHandlerInSubfolder_FindsJsThenMjsThenCjs()
    {
        var files = new InMemoryFiles()
            .Add("/app/src/handlers/order.cjs", "module.exports.run = async () => 1;");
        var template = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs22.x
                  CodeUri: src
                  Handler: handlers/order.run
            """;

        var code = Templates.Read(template, files: files, templateDirectory: "/app").Functions[0].Code!;

        Assert.Equal("handlers/order.cjs", code.FileName);
        Assert.Equal("run", code.ExportName);
        Assert.Equal(["/app/src/handlers/order.js", "/app/src/handlers/order.mjs", "/app/src/handlers/order.cjs"], files.Requested);
    }
}
