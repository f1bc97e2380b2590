using System.Net.Http.Json;
using System.Text.Json;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Sends bodies with property names exactly as written (the API is case-sensitive; web defaults would camel-case them).</summary>
public static class ApiRequests
{
    private static readonly JsonSerializerOptions AsWritten = new();

    public static Task<HttpResponseMessage> PostApiAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, AsWritten);

    public static Task<HttpResponseMessage> PatchApiAsync(this HttpClient client, string url, object body) =>
        client.PatchAsJsonAsync(url, body, AsWritten);
}
