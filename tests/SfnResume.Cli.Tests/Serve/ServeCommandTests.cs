using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SfnResume.Cli.Tests.Serve;

public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sfn-resume-serve-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Serve_FreePort_AnswersTheJsonProtocolUntilStopped()
    {
        var output = new StringWriter();
        var stdout = TextWriter.Synchronized(output);
        var stderr = TextWriter.Synchronized(new StringWriter());
        using var stop = new CancellationTokenSource();
        var serving = CliApp.RunAsync(["serve", "--port", "0", "--state-dir", Path.Combine(_temp, "state")], stdout, stderr, stop.Token);

        var url = await WaitForUrlAsync(stdout, output, serving);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent("""{"name":"m","roleArn":"arn:aws:iam::123456789012:role/r","definition":"{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions.CreateStateMachine");
        using var created = await http.SendAsync(request);
        using var unknown = await PostAsync(http, url, "AWSStepFunctions.NoSuchThing", "{}");

        await stop.CancelAsync();
        var exitCode = await serving;

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.StartsWith("arn:aws:states:", (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["stateMachineArn"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("UnknownOperationException", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.StartsWith("http://127.0.0.1:", url.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000", "not a port")]
    [InlineData("--require-auth", "nocolon", "KEY_ID:SECRET")]
    public async Task Serve_BadOption_IsAUserError(string option, string value, string mention)
    {
        var run = await CliRunner.RunAsync("serve", "--state-dir", Path.Combine(_temp, "s"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mention, run.Error, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string target, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", target);
        return await http.SendAsync(request);
    }

    /// <summary>Waits (bounded) for the line that names the bound address.</summary>
    private static async Task<Uri> WaitForUrlAsync(TextWriter stdout, StringWriter output, Task<int> serving)
    {
        for (var i = 0; i < 300; i++)
        {
            string text;
            lock (stdout)
            {
                // The synchronised writer locks on itself; reading under the same lock sees whole lines.
                text = output.ToString();
            }

            var match = ListeningLine().Match(text);
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.False(serving.IsCompleted, "serve ended before listening: " + text);
            await Task.Delay(50);
        }

        throw new TimeoutException("serve did not report its address");
    }

    [GeneratedRegex(@"Listening on (\S+) ")]
    private static partial Regex ListeningLine();
}
