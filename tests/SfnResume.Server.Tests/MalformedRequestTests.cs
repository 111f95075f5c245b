namespace SfnResume.Server.Tests;

public sealed class MalformedRequestTests
{
    public static TheoryData<string?, string?, string, string, string> Cases => new()
    {
        // target, body, content type, method, expected error type
        { null, "{}", "application/x-amz-json-1.0", "POST", "UnknownOperationException" },
        { "", "{}", "application/x-amz-json-1.0", "POST", "UnknownOperationException" },
        { "AWSStepFunctions.", "{}", "application/x-amz-json-1.0", "POST", "UnknownOperationException" },
        { "OtherService.ListStateMachines", "{}", "application/x-amz-json-1.0", "POST", "UnknownOperationException" },
        { "AWSStepFunctions.ListStateMachines", "{}", "text/plain", "POST", "UnknownOperationException" },
        { "AWSStepFunctions.ListStateMachines", "{}", "application/x-amz-json-1.0", "GET", "UnknownOperationException" },
        { "AWSStepFunctions.ListStateMachines", "[1,2]", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.ListStateMachines", "null", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.ListStateMachines", "\"text\"", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.ListStateMachines", "{\"maxResults\":\"ten\"}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.ListStateMachines", "{\"maxResults\":1e400}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.StartExecution", "{\"stateMachineArn\":{}}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.CreateStateMachine", "{\"tags\":[1]}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.GetExecutionHistory", "{\"reverseOrder\":\"yes\"}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.DescribeExecution", "{\"executionArn\":\"\\ud800\"}", "application/x-amz-json-1.0", "POST", "SerializationException" },
        { "AWSStepFunctions.StartExecution", "{}", "application/x-amz-json-1.0", "POST", "ValidationException" },
        { "AWSStepFunctions.CreateStateMachine", "{\"name\":\"a\",\"definition\":\"not json\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\"}", "application/x-amz-json-1.0", "POST", "InvalidDefinition" },
        { "AWSStepFunctions.ListStateMachines", "\u00ff\u00fe", "application/x-amz-json-1.0", "POST", "SerializationException" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_requests_get_an_AWS_client_error_never_a_500(string? target, string? body, string contentType, string method, string expected)
    {
        await using var h = await ServerHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Server.BaseAddress };
        var (status, type, response) = await RawRequests.SendAsync(http, target, method == "GET" ? null : body, contentType, new HttpMethod(method));
        Assert.InRange(status, 400, 499);
        Assert.Equal(expected, type);
        Assert.Equal(expected, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        Assert.Equal("application/x-amz-json-1.0", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_refused_with_413()
    {
        await using var h = await ServerHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Server.BaseAddress };
        var huge = "{\"definition\":\"" + new string('x', (int)SfnServerOptions.DefaultMaxRequestBytes) + "\"}";
        var (status, type, _) = await RawRequests.SendAsync(http, "AWSStepFunctions.ValidateStateMachineDefinition", huge);
        Assert.Equal((413, "ValidationException"), (status, type));
    }

    [Fact]
    public async Task A_successful_answer_carries_a_request_id_and_the_json_content_type()
    {
        await using var h = await ServerHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = h.Server.BaseAddress };
        var (status, type, response) = await RawRequests.SendAsync(http, "AWSStepFunctions.ListStateMachines", "");
        Assert.Equal((200, null), (status, type));
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
        Assert.Equal("""{"stateMachines":[]}""", await response.Content.ReadAsStringAsync());
    }
}
