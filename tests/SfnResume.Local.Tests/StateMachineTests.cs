using SfnResume.Api;
using SfnResume.Api.Contracts;
using static SfnResume.Local.Tests.Fixtures;

namespace SfnResume.Local.Tests;

public sealed class StateMachineTests
{
    [Fact]
    public async Task Create_Describe_IdempotentOnSameDefinition_AlreadyExistsOtherwise()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var arn = await CreateAsync(api, "orders", ThreePasses);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:orders", arn);
        Assert.Equal(arn, await CreateAsync(api, "orders", ThreePasses));

        var e = await Assert.ThrowsAsync<SfnServiceException>(() => CreateAsync(api, "orders", WaitTen));
        Assert.Equal("StateMachineAlreadyExists", e.ErrorType);
        Assert.Equal($"State Machine Already Exists: '{arn}'", e.Message);

        var described = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None);
        Assert.Equal("orders", described.Name);
        Assert.Equal(ThreePasses, described.Definition);
        Assert.Equal(StateMachineType.Standard, described.Type);
        Assert.Equal("ACTIVE", described.Status);
        Assert.Equal("OFF", described.LoggingConfiguration!.Level);
    }

    [Fact]
    public async Task Create_InvalidDefinition_GivesAwsMessage()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => CreateAsync(api, "bad", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}"""));
        Assert.Equal("InvalidDefinition", e.ErrorType);
        Assert.StartsWith("Invalid State Machine Definition: '", e.Message, StringComparison.Ordinal);
        Assert.Contains("MISSING_TRANSITION_TARGET", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidName_AndDescribeMissing()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => CreateAsync(api, "has space", ThreePasses));
        Assert.Equal("InvalidName", e.ErrorType);

        var missing = "arn:aws:states:us-east-1:123456789012:stateMachine:nope";
        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = missing }, None));
        Assert.Equal("StateMachineDoesNotExist", e.ErrorType);
        Assert.Equal($"State Machine Does Not Exist: '{missing}'", e.Message);

        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = "nope" }, None));
        Assert.Equal("InvalidArn", e.ErrorType);
    }

    [Fact]
    public async Task Update_NewRevision_Delete_RemovesMachine()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var arn = await CreateAsync(api, "m", ThreePasses);
        var before = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None);
        var updated = await api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = arn, Definition = WaitTen }, None);
        Assert.NotEqual(before.RevisionId, updated.RevisionId);
        var after = await api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None);
        Assert.Equal(WaitTen, after.Definition);

        var bad = await Assert.ThrowsAsync<SfnServiceException>(() => api.UpdateStateMachineAsync(new UpdateStateMachineRequest { StateMachineArn = arn, Definition = "{}" }, None));
        Assert.Equal("InvalidDefinition", bad.ErrorType);

        await api.DeleteStateMachineAsync(new DeleteStateMachineRequest { StateMachineArn = arn }, None);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.DescribeStateMachineAsync(new DescribeStateMachineRequest { StateMachineArn = arn }, None));
        Assert.Equal("StateMachineDoesNotExist", e.ErrorType);
    }

    [Fact]
    public async Task List_PagesThroughEveryMachine()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        for (var i = 0; i < 5; i++)
        {
            await CreateAsync(api, "m" + i, ThreePasses);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await api.ListStateMachinesAsync(new ListStateMachinesRequest { MaxResults = 2, NextToken = token }, None);
            names.AddRange(page.StateMachines.Select(m => m.Name));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], names);
        Assert.Equal(3, pages);

        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = "garbage" }, None));
        Assert.Equal("InvalidToken", e.ErrorType);
    }

    [Fact]
    public async Task Validate_ReportsDiagnostics()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var ok = await api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = ThreePasses }, None);
        Assert.Equal("OK", ok.Result);
        Assert.Empty(ok.Diagnostics);
        var fail = await api.ValidateStateMachineDefinitionAsync(new ValidateStateMachineDefinitionRequest { Definition = """{"StartAt":"X","States":{}}""" }, None);
        Assert.Equal("FAIL", fail.Result);
        Assert.NotEmpty(fail.Diagnostics);
        Assert.All(fail.Diagnostics, d => Assert.Equal("ERROR", d.Severity));
    }

    [Fact]
    public async Task Tags_AddListRemove_UnknownResourceNotFound()
    {
        using var dir = new TempDirectory();
        await using var api = LocalStepFunctions.Open(dir.Path);
        var arn = await CreateAsync(api, "tagged", ThreePasses);
        await api.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = [new Tag { Key = "team", Value = "a" }, new Tag { Key = "env", Value = "dev" }] }, None);
        await api.UntagResourceAsync(new UntagResourceRequest { ResourceArn = arn, TagKeys = ["env"] }, None);
        var tags = await api.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = arn }, None);
        var tag = Assert.Single(tags.Tags!);
        Assert.Equal(("team", "a"), (tag.Key, tag.Value));

        var missing = "arn:aws:states:us-east-1:123456789012:stateMachine:none";
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => api.TagResourceAsync(new TagResourceRequest { ResourceArn = missing, Tags = [new Tag { Key = "k", Value = "v" }] }, None));
        Assert.Equal("ResourceNotFound", e.ErrorType);

        var many = Enumerable.Range(0, 51).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToList();
        e = await Assert.ThrowsAsync<SfnServiceException>(() => api.TagResourceAsync(new TagResourceRequest { ResourceArn = arn, Tags = many }, None));
        Assert.True(e.ErrorType is "TooManyTags" or "ValidationException", e.ErrorType);
    }
}
