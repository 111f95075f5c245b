using Microsoft.Extensions.Time.Testing;
using Amazon.Runtime;
using SfnResume.Api;
using SfnResume.Api.Contracts;

namespace SfnResume.Server.Tests;

public sealed class SigV4Tests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task With_auth_required_a_request_signed_with_a_configured_key_is_served()
    {
        await using var h = await ServerHarness.StartAsync(requireAuth: true);
        var arn = await h.CreateAsync("signed", ServerHarness.ThreePasses);
        var listed = await h.Client.ListStateMachinesAsync(new ListStateMachinesRequest(), None);
        Assert.Equal(arn, Assert.Single(listed.StateMachines).StateMachineArn);
    }

    [Fact]
    public async Task With_auth_required_a_wrong_secret_an_unknown_key_and_no_signature_are_refused()
    {
        await using var h = await ServerHarness.StartAsync(requireAuth: true);
        using var wrongSecret = ServerHarness.NewClient(h.Server.BaseAddress, new BasicAWSCredentials(ServerHarness.AccessKey, "not-the-secret"));
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => wrongSecret.ListStateMachinesAsync(new ListStateMachinesRequest(), None));
        Assert.Equal(("InvalidSignatureException", 403), (e.ErrorType, e.StatusCode));

        using var unknownKey = ServerHarness.NewClient(h.Server.BaseAddress, new BasicAWSCredentials("AKIDUNKNOWN", ServerHarness.SecretKey));
        e = await Assert.ThrowsAsync<SfnServiceException>(() => unknownKey.ListStateMachinesAsync(new ListStateMachinesRequest(), None));
        Assert.Equal(("UnrecognizedClientException", 403), (e.ErrorType, e.StatusCode));

        using var http = new HttpClient { BaseAddress = h.Server.BaseAddress };
        var (status, type, _) = await RawRequests.SendAsync(http, "AWSStepFunctions.ListStateMachines", "{}");
        Assert.Equal((403, "MissingAuthenticationTokenException"), (status, type));
    }

    [Fact]
    public async Task With_auth_required_a_signature_outside_the_allowed_clock_skew_is_refused()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(20));
        await using var h = await ServerHarness.StartAsync(requireAuth: true, serverClock);
        var e = await Assert.ThrowsAsync<SfnServiceException>(() => h.Client.ListStateMachinesAsync(new ListStateMachinesRequest(), None));
        Assert.Equal(("InvalidSignatureException", 403), (e.ErrorType, e.StatusCode));
        Assert.StartsWith("Signature expired", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_auth_any_signature_is_accepted()
    {
        await using var h = await ServerHarness.StartAsync();
        using var other = ServerHarness.NewClient(h.Server.BaseAddress, new BasicAWSCredentials("test", "test"));
        var listed = await other.ListStateMachinesAsync(new ListStateMachinesRequest(), None);
        Assert.Empty(listed.StateMachines);
    }
}
