using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SfnResume.Engine.Tasks;
using SfnResume.Engine.Tasks.Http;

namespace SfnResume.Engine.Tests.Tasks.Http;

/// <summary>Against a real HTTP server on 127.0.0.1 that answers as <c>sam local start-lambda</c> does.</summary>
public sealed class HttpLambdaInvokerTests : IAsyncLifetime
{
    private readonly List<string> _requests = [];
    private LocalLambdaServer _server = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _server = LocalLambdaServer.Start(Answer);
        _http = new HttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task InvokeAsync_Success_ReturnsPayloadAndPostsToInvokePath()
    {
        var invoker = new HttpLambdaInvoker(_server.Endpoint, _http);

        var outcome = await invoker.InvokeAsync(Invocation("arn:aws:lambda:us-east-1:111111111111:function:echo:live", "{\"a\":[1,2]}"), default);

        Assert.Equal("{\"echo\":{\"a\":[1,2]}}", Assert.IsType<LambdaOutcome.Succeeded>(outcome).Payload!.ToJsonString());
        Assert.Equal(["POST /2015-03-31/functions/echo/invocations?Qualifier=live {\"a\":[1,2]}"], _requests);
    }

    [Fact]
    public async Task InvokeAsync_FunctionError_UsesErrorTypeAndBodyAsCause()
    {
        var invoker = new HttpLambdaInvoker(_server.Endpoint, _http);

        var failed = Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Invocation("boom", "{}"), default));

        Assert.Equal("Transient", failed.Error);
        Assert.Equal(BoomBody, failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_FunctionErrorWithoutType_IsLambdaUnknown()
    {
        var invoker = new HttpLambdaInvoker(_server.Endpoint, _http);

        var failed = Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Invocation("untyped", "{}"), default));

        Assert.Equal("Lambda.Unknown", failed.Error);
        Assert.Equal(LambdaErrorNames.UnknownCause, failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_MissingFunction_IsResourceNotFoundAsAwsWritesIt()
    {
        var invoker = new HttpLambdaInvoker(_server.Endpoint, _http, region: "us-east-1", accountId: "111111111111");

        var failed = Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Invocation("missing", "{}"), default));

        Assert.Equal("Lambda.ResourceNotFoundException", failed.Error);
        Assert.Equal("Function not found: arn:aws:lambda:us-east-1:111111111111:function:missing:$LATEST (Service: AWSLambda; " +
            "Status Code: 404; Error Code: ResourceNotFoundException; Request ID: req-404; Proxy: null)", failed.Cause);
    }

    [Fact]
    public async Task InvokeAsync_ServiceError_IsLambdaPrefixedErrorCode()
    {
        var invoker = new HttpLambdaInvoker(_server.Endpoint, _http);

        var failed = Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Invocation("throttled", "{}"), default));

        Assert.Equal("Lambda.TooManyRequestsException", failed.Error);
        Assert.StartsWith("Rate exceeded (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException;", failed.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NothingListening_NamesEndpointAndResource()
    {
        var port = LocalLambdaServer.FreePort();
        var invoker = new HttpLambdaInvoker(new Uri($"http://127.0.0.1:{port}"), _http);

        var failed = Assert.IsType<LambdaOutcome.Failed>(await invoker.InvokeAsync(Invocation("arn:aws:lambda:us-east-1:1:function:echo", "{}"), default));

        Assert.Equal("Lambda.SdkClientException", failed.Error);
        Assert.Contains($"http://127.0.0.1:{port}/", failed.Cause, StringComparison.Ordinal);
        Assert.Contains("arn:aws:lambda:us-east-1:1:function:echo", failed.Cause, StringComparison.Ordinal);
    }

    private const string BoomBody = "{\"errorType\":\"Transient\",\"errorMessage\":\"attempt 1\",\"trace\":[\"Transient: attempt 1\"]}";

    private static LambdaInvocation Invocation(string function, string payload) =>
        new(LambdaFunctionRef.Parse(function), JsonNode.Parse(payload), "sm", "Call", 0, "arn:exec");

    private LocalLambdaServer.Reply Answer(string method, string pathAndQuery, string body)
    {
        lock (_requests)
        {
            _requests.Add($"{method} {pathAndQuery} {body}");
        }

        var function = pathAndQuery.Split('/')[3];
        return function switch
        {
            "echo" => new(200, "{\"echo\":" + body + "}", []),
            "boom" => new(200, BoomBody, [("X-Amz-Function-Error", "Unhandled")]),
            "untyped" => new(200, "{\"errorMessage\":\"no type\"}", [("X-Amz-Function-Error", "Handled")]),
            "throttled" => new(429, "{\"Type\":\"User\",\"message\":\"Rate exceeded\"}", [("X-Amzn-ErrorType", "TooManyRequestsException"), ("x-amzn-RequestId", "req-429")]),
            _ => new(404, "{\"Type\":\"User\",\"Message\":\"Function not found\"}", [("X-Amzn-ErrorType", "ResourceNotFoundException"), ("x-amzn-RequestId", "req-404")]),
        };
    }
}

/// <summary>A tiny Lambda Invoke endpoint on a free loopback port, answering with a test's function.</summary>
internal sealed class LocalLambdaServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;

    private LocalLambdaServer(HttpListener listener, Uri endpoint, Func<string, string, string, Reply> answer)
    {
        _listener = listener;
        Endpoint = endpoint;
        _loop = ServeAsync(answer);
    }

    public Uri Endpoint { get; }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static LocalLambdaServer Start(Func<string, string, string, Reply> answer)
    {
        var port = FreePort();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        return new LocalLambdaServer(listener, new Uri($"http://127.0.0.1:{port}"), answer);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync(Func<string, string, string, Reply> answer)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var reply = answer(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, await reader.ReadToEndAsync());
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    internal sealed record Reply(int Status, string Body, (string Name, string Value)[] Headers);
}
