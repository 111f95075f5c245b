using SfnResume.Api;
using SfnResume.Api.Contracts;
using static SfnResume.Storage.Sqlite.Tests.StoreFixtures;

namespace SfnResume.Storage.Sqlite.Tests;

public sealed class DeploymentStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SqliteStore _store;

    public DeploymentStoreTests() => _store = SqliteStore.Open(_dir.Path);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Functions_PutGetListReplaceDelete()
    {
        var function = Function("charge");
        _store.PutFunction(function);
        _store.PutFunction(function with { Handler = "index.other", Updated = T0.AddMinutes(1) });

        var read = _store.GetFunction("charge")!;
        Assert.Equal("index.other", read.Handler);
        Assert.Equal(T0, read.Created);
        Assert.Equal(read, _store.GetFunction(function.Arn));
        Assert.Single(_store.ListFunctions());
        Assert.True(_store.DeleteFunction("charge"));
        Assert.Null(_store.GetFunction("charge"));
    }

    [Fact]
    public void Functions_BothCodeTextAndPath_Rejected() =>
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => _store.PutFunction(Function("f") with { CodePath = "/x.js" }));

    [Fact]
    public void Stacks_DeleteRemovesTheirFunctions()
    {
        _store.PutStack(Stack("app"));
        _store.PutFunction(Function("a") with { StackName = "app" });
        _store.PutFunction(Function("loose"));

        Assert.Equal("abc", _store.GetStack("app")!.TemplateHash);
        Assert.Single(_store.ListFunctions("app"));
        Assert.True(_store.DeleteStack("app"));

        Assert.Empty(_store.ListStacks());
        Assert.Equal(["loose"], _store.ListFunctions().Select(f => f.Name));
    }

    [Fact]
    public void Stacks_PutAgain_UpdatesInPlace()
    {
        _store.PutStack(Stack("app"));
        _store.PutStack(Stack("app") with { TemplateHash = "def", OutputsJson = """{"Url":"x"}""", Updated = T0.AddHours(1) });

        var read = Assert.Single(_store.ListStacks());
        Assert.Equal(("def", """{"Url":"x"}""", T0, T0.AddHours(1)), (read.TemplateHash, read.OutputsJson, read.Created, read.Updated));
    }

    [Fact]
    public void Tags_TagUntagListAndLimits()
    {
        _store.CreateStateMachine(Machine("m"));
        var arn = MachineArn("m");
        _store.TagResource(arn, [new Tag { Key = "b", Value = "1" }, new Tag { Key = "a", Value = "2" }]);
        _store.TagResource(arn, [new Tag { Key = "b", Value = "3" }]);
        _store.UntagResource(arn, ["a", "missing"]);

        var tag = Assert.Single(_store.ListTags(arn));
        Assert.Equal(("b", "3"), (tag.Key, tag.Value));

        var tooMany = Enumerable.Range(0, 50).Select(i => new Tag { Key = "k" + i, Value = "v" }).ToList();
        var ex = Assert.Throws<SfnServiceException>(() => _store.TagResource(arn, tooMany));
        Assert.Equal("TooManyTags", ex.ErrorType);
        Assert.Single(_store.ListTags(arn));
    }

    [Fact]
    public void Tags_VersionArnOrUnknownMachine_ResourceNotFound()
    {
        _store.CreateStateMachine(Machine("m"));
        var version = MachineArn("m") + ":1";

        var ex = Assert.Throws<SfnServiceException>(() => _store.TagResource(version, [new Tag { Key = "k", Value = "v" }]));
        Assert.Equal(("ResourceNotFound", $"Resource not found: '{version}'", 404), (ex.ErrorType, ex.Message, ex.StatusCode));
        Assert.Equal("ResourceNotFound", Assert.Throws<SfnServiceException>(() => _store.ListTags(MachineArn("x"))).ErrorType);
    }

    private static FunctionRecord Function(string name) => new()
    {
        Name = name,
        Arn = "arn:aws:lambda:us-east-1:123456789012:function:" + name,
        Runtime = "nodejs20.x",
        Handler = "index.handler",
        CodeText = "exports.handler = async e => e;",
        EnvironmentJson = """{"STAGE":"test"}""",
        TimeoutSeconds = 30,
        Created = T0,
        Updated = T0,
    };

    private static StackRecord Stack(string name) => new()
    {
        Name = name,
        StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/" + name + "/1",
        TemplateHash = "abc",
        ResourcesJson = "{}",
        Created = T0,
        Updated = T0,
    };
}
