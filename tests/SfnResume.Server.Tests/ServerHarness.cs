using Amazon.Runtime;
using SfnResume.Api.Contracts;
using SfnResume.Aws;
using SfnResume.Local;

namespace SfnResume.Server.Tests;

/// <summary>The real server on a free loopback port, over the local engine on a temporary SQLite state directory.</summary>
internal sealed class ServerHarness : IAsyncDisposable
{
    public const string Role = "arn:aws:iam::123456789012:role/test";
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public const string ThreePasses = """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
          "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","Next":"C"},
          "C":{"Type":"Pass","Result":3,"ResultPath":"$.c","End":true}}}
        """;

    public const string WaitLong = """
        {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}
        """;

    public const string Fails = """
        {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Broken","Cause":"on purpose"}}}
        """;

    private readonly string _directory;

    private ServerHarness(string directory, LocalStepFunctions local, SfnServer server, StepFunctionsClient client)
    {
        _directory = directory;
        Local = local;
        Server = server;
        Client = client;
    }

    public LocalStepFunctions Local { get; }

    public SfnServer Server { get; }

    public StepFunctionsClient Client { get; }

    public static async Task<ServerHarness> StartAsync(bool requireAuth = false, TimeProvider? serverClock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sfn-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var local = LocalStepFunctions.Open(directory);
        var options = new SfnServerOptions { Port = 0, TimeProvider = serverClock ?? TimeProvider.System };
        if (requireAuth)
        {
            options = options with { AccessKeys = new Dictionary<string, string> { [AccessKey] = SecretKey } };
        }

        var server = new SfnServer(local, options);
        await server.StartAsync();
        var client = NewClient(server.BaseAddress, new BasicAWSCredentials(AccessKey, SecretKey));
        return new ServerHarness(directory, local, server, client);
    }

    public static StepFunctionsClient NewClient(Uri endpoint, AWSCredentials credentials) => new(new StepFunctionsClientOptions
    {
        Endpoint = endpoint,
        Region = "us-east-1",
        Credentials = credentials,
        MaxAttempts = 1,
    });

    public async Task<string> CreateAsync(string name, string definition, string type = "STANDARD") =>
        (await Client.CreateStateMachineAsync(new CreateStateMachineRequest { Name = name, Definition = definition, RoleArn = Role, Type = type },
            CancellationToken.None)).StateMachineArn;

    public async Task<string> StartAndFinishAsync(string machineArn, string? name = null, string input = "{}")
    {
        var arn = (await Client.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machineArn, Name = name, Input = input },
            CancellationToken.None)).ExecutionArn;
        await Local.WaitForExecutionAsync(arn, CancellationToken.None);
        return arn;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Local.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold its files a moment longer; the temp folder is cleaned by the OS.
        }
    }
}
