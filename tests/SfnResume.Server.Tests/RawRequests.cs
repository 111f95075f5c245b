using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SfnResume.Server.Tests;

/// <summary>Requests written by hand, to send what no SDK would.</summary>
internal static class RawRequests
{
    /// <summary>Sends a request and returns the status, the bare error type (from <c>__type</c>) and the headers.</summary>
    public static async Task<(int Status, string? Type, HttpResponseMessage Response)> SendAsync(
        HttpClient http, string? target, string? body, string contentType = "application/x-amz-json-1.0", HttpMethod? method = null, string path = "/")
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? type = null;
        if (text.Length > 0)
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("__type", out var t))
            {
                var value = t.GetString()!;
                type = value[(value.LastIndexOf('#') + 1)..];
            }
        }

        return ((int)response.StatusCode, type, response);
    }
}
