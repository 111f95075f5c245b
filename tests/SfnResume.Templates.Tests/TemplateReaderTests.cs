namespace SfnResume.Templates.Tests;

public sealed class TemplateReaderTests
{
    [Fact]
    public void ReadFile_ResolvesLocalPathsFromTemplateFolder()
    {
        var files = new InMemoryFiles()
            .Add("/work/app/template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: flow.json\n")
            .Add("/work/app/flow.json", """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");

        var deployment = TemplateReader.ReadFile("/work/app/template.yaml", new TemplateReadOptions { StackName = "app", Files = files });

        Assert.Equal("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", deployment.StateMachines[0].Definition);
    }

    [Fact]
    public void ReadFile_MissingTemplate_Fails()
    {
        var error = Assert.Throws<TemplateException>(() =>
            TemplateReader.ReadFile("/nowhere/template.yaml", new TemplateReadOptions { StackName = "app", Files = new InMemoryFiles() }));

        Assert.Equal("Template file '/nowhere/template.yaml' does not exist.", error.Message);
    }

    [Theory]
    [InlineData("samples/ResumeFromState.yaml", "ResumeFromState")]
    [InlineData("my_app.template.json", "my-app-template")]
    [InlineData("2024-stack.yml", "stack-2024-stack")]
    public void DefaultStackName_FromFileName_IsAValidStackName(string path, string expected)
    {
        Assert.Equal(expected, TemplateReader.DefaultStackName(path));
    }

    [Fact]
    public void Read_SeedTemplateOnDisk_MatchesReadingItsText()
    {
        var path = Testing.RepoPaths.InRoot("samples", "resume-from-state", "ResumeFromState.yaml");
        var fromFile = TemplateReader.ReadFile(path, new TemplateReadOptions { StackName = TemplateReader.DefaultStackName(path) });
        var fromText = Templates.Read(Templates.SeedTemplate, stackName: "ResumeFromState");

        Assert.Equal(fromText.Resources, fromFile.Resources);
        Assert.Equal(fromText.StateMachines[0].Definition, fromFile.StateMachines[0].Definition);
    }
}
