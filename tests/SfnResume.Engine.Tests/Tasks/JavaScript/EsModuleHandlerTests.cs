using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.JavaScript;
using SfnResume.Testing;

namespace SfnResume.Engine.Tests.Tasks.JavaScript;

public sealed class EsModuleHandlerTests
{
    [Fact]
    public async Task InvokeAsync_ModuleFile_ImportsBesideItAndKeepsState()
    {
        using var handler = JavaScriptLambdaHandler.FromFile(RepoPaths.InRoot("tests", "SfnResume.Engine.Tests", "testdata", "tasks", "esm", "index.mjs"));

        await handler.InvokeAsync(JsonNode.Parse("{\"text\":\"a\"}"));
        var outcome = await handler.InvokeAsync(JsonNode.Parse("{\"text\":\"hi\"}"));

        Assert.Equal("{\"text\":\"HI!\",\"calls\":2}", Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
    }

    [Fact]
    public async Task InvokeAsync_InlineModule_Works()
    {
        using var handler = JavaScriptLambdaHandler.FromCode("export const handler = async (e) => e.x + 1;", fileName: "index.mjs");

        Assert.Equal("2", Assert.IsType<LambdaOutcome.Succeeded>(await handler.InvokeAsync(JsonNode.Parse("{\"x\":1}"))).Payload!.ToJsonString());
    }

    [Theory]
    [InlineData("import x from './missing.mjs'; export const handler = async () => x;", "Runtime.ImportModuleError")]
    [InlineData("export const handler = async () => {", "Runtime.UserCodeSyntaxError")]
    [InlineData("export const other = 1;", "Runtime.HandlerNotFound")]
    public async Task InvokeAsync_BrokenModule_FailsAsRuntimeReports(string code, string error)
    {
        using var handler = JavaScriptLambdaHandler.FromCode(code, fileName: "index.mjs");

        Assert.Equal(error, Assert.IsType<LambdaOutcome.Failed>(await handler.InvokeAsync(new JsonObject())).Error);
    }
}
