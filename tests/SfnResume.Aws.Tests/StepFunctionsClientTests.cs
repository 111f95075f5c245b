using System.Net;
using System.Text;
using Amazon.Runtime;
using SfnResume.Api;
using SfnResume.Api.Contracts;

namespace SfnResume.Aws.Tests;

public sealed class StepFunctionsClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist", "ExecutionDoesNotExist")]
    [InlineData("com.amazon.coral.validate#ValidationException", "ValidationException")]
    [InlineData("InvalidArn", "InvalidArn")]
    [InlineData("ThrottlingException:http://internal.amazon.com/coral/", "ThrottlingException")]
    public void Error_types_lose_their_namespace_and_suffix(string wire, string bare) =>
        Assert.Equal(bare, StepFunctionsClient.BareErrorType(wire));

    [Fact]
    public void Endpoint_comes_from_the_service_variable_then_the_global_one_then_the_region()
    {
        var env = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "http://global:1", ["AWS_ENDPOINT_URL_SFN"] = "http://sfn:2" };
        Assert.Equal(new Uri("http://sfn:2"), StepFunctionsClient.ResolveEndpoint("eu-west-1", n => env.GetValueOrDefault(n)));
        env.Remove("AWS_ENDPOINT_URL_SFN");
        Assert.Equal(new Uri("http://global:1"), StepFunctionsClient.ResolveEndpoint("eu-west-1", n => env.GetValueOrDefault(n)));
        env["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com/"), StepFunctionsClient.ResolveEndpoint("eu-west-1", n => env.GetValueOrDefault(n)));
        Assert.Equal(new Uri("https://states.cn-north-1.amazonaws.com.cn/"), StepFunctionsClient.ResolveEndpoint("cn-north-1", _ => null));
    }

    [Fact]
    public void StartSyncExecution_takes_the_sync_host_prefix_on_the_regional_endpoint_only()
    {
        using var regional = new StepFunctionsClient(new StepFunctionsClientOptions { Region = "eu-west-1", Credentials = new BasicAWSCredentials("a", "b") });
        if (regional.Endpoint.Host == "states.eu-west-1.amazonaws.com")
        {
            Assert.Equal("sync-states.eu-west-1.amazonaws.com", regional.OperationUri("StartSyncExecution").Host);
            Assert.Equal("states.eu-west-1.amazonaws.com", regional.OperationUri("StartExecution").Host);
        }

        using var local = new StepFunctionsClient(new StepFunctionsClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:8083/"), Region = "eu-west-1", Credentials = new BasicAWSCredentials("a", "b"),
        });
        Assert.Equal(new Uri("http://127.0.0.1:8083/"), local.OperationUri("StartSyncExecution"));
    }

    [Theory]
    [InlineData(1, 1.0, 100)]
    [InlineData(3, 1.0, 400)]
    [InlineData(3, 0.5, 200)]
    [InlineData(10, 1.0, 5000)]
    [InlineData(2, 0.0, 0)]
    public void Back_off_doubles_per_attempt_is_capped_and_scaled_by_jitter(int attempt, double jitter, double expectedMs) =>
        Assert.Equal(expectedMs, StepFunctionsClient.RetryDelay(attempt, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), jitter).TotalMilliseconds, 3);

    [Fact]
    public async Task Throttling_and_5xx_are_retried_then_the_answer_is_returned()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.TooManyRequests, """{"__type":"ThrottlingException","message":"Rate exceeded"}"""),
            (HttpStatusCode.ServiceUnavailable, "<html>busy</html>"),
            (HttpStatusCode.OK, """{"stateMachines":[]}"""));
        using var client = NewClient(handler, maxAttempts: 3);
        var listed = await client.ListStateMachinesAsync(new ListStateMachinesRequest(), None);
        Assert.Empty(listed.StateMachines);
        Assert.Equal(3, handler.Requests.Count);
        var first = handler.Requests[0];
        Assert.Equal("AWSStepFunctions.ListStateMachines", first.Target);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKID/", first.Authorization, StringComparison.Ordinal);
        Assert.Contains("/us-west-2/states/aws4_request", first.Authorization, StringComparison.Ordinal);
        var signed = first.Authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        Assert.Subset(signed.ToHashSet(), new HashSet<string> { "content-type", "host", "x-amz-date", "x-amz-target" });
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_keep_type_message_and_status()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.swf.service.v2.model#InvalidArn","message":"Invalid Arn: 'x'"}"""));
        using var client = NewClient(handler, maxAttempts: 3);
        var error = await Assert.ThrowsAsync<SfnServiceException>(() => client.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = "x" }, None));
        Assert.Equal(("InvalidArn", "Invalid Arn: 'x'", 400), (error.ErrorType, error.Message, error.StatusCode));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_with_the_last_error()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"one"}"""),
            (HttpStatusCode.InternalServerError, """{"__type":"InternalFailure","message":"two"}"""));
        using var client = NewClient(handler, maxAttempts: 2);
        var error = await Assert.ThrowsAsync<SfnServiceException>(() => client.ListStateMachinesAsync(new ListStateMachinesRequest(), None));
        Assert.Equal(("InternalFailure", "two", 500), (error.ErrorType, error.Message, error.StatusCode));
    }

    [Fact]
    public async Task Paging_helper_follows_nextToken_until_none()
    {
        var handler = new ScriptedHandler(
            (HttpStatusCode.OK, """{"events":[{"id":1,"type":"ExecutionStarted","timestamp":1.7E9,"previousEventId":0}],"nextToken":"t1"}"""),
            (HttpStatusCode.OK, """{"events":[{"id":2,"type":"ExecutionSucceeded","timestamp":1.7E9,"previousEventId":1}]}"""));
        using var client = NewClient(handler, maxAttempts: 1);
        var events = await client.GetExecutionHistoryAllPagesAsync(new GetExecutionHistoryRequest { ExecutionArn = "arn" }, None);
        Assert.Equal([1L, 2L], events.Select(e => e.Id));
        Assert.Contains("\"nextToken\":\"t1\"", handler.Requests[1].Body, StringComparison.Ordinal);
    }

    private static StepFunctionsClient NewClient(ScriptedHandler handler, int maxAttempts) => new(new StepFunctionsClientOptions
    {
        Endpoint = new Uri("http://sfn.test:8083/"),
        Region = "us-west-2",
        Credentials = new BasicAWSCredentials("AKID", "secret"),
        HttpClient = new HttpClient(handler),
        MaxAttempts = maxAttempts,
        BaseRetryDelay = TimeSpan.Zero,
    });

    /// <summary>An HTTP endpoint that answers from a script, standing in for a remote service.</summary>
    private sealed class ScriptedHandler(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        public List<(string Target, string Authorization, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Headers.GetValues("X-Amz-Target").Single(), request.Headers.GetValues("Authorization").Single(), body));
            var (status, text) = answers[Requests.Count - 1];
            return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/x-amz-json-1.0") };
        }
    }
}
