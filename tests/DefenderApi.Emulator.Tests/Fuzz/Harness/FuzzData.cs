using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>
/// Prepares an emulator for a fuzz run through its own admin API: rate limits off (so answers are about the input,
/// not the pace), machine actions completed only on request (nothing changes the store between two requests but a
/// request), a few entities for the known ids, and tokens of the default app and of a one-role app.
/// </summary>
public static class FuzzData
{
    private const string Tenant = "00000000-0000-0000-0000-000000000001";

    /// <summary>Prepares the emulator behind <paramref name="client"/>; returns the tokens by kind.</summary>
    /// <param name="client">A client with the emulator as base address (admin calls need loopback).</param>
    /// <returns>The tokens.</returns>
    public static async Task<IReadOnlyDictionary<FuzzAuth, string>> PrepareAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        await SendAsync(client, HttpMethod.Put, "/_emulator/settings", """{"rateLimits":{"enabled":false},"machineActions":{"mode":"manual"}}""");
        await SendAsync(client, HttpMethod.Post, $"/_emulator/tenants/{Tenant}/data/machines", $$"""
            [{"id":"{{FuzzRoute.Machine}}","computerDnsName":"fuzz-1.contoso.com","osPlatform":"Windows11","version":"23H2","osBuild":22631,
              "agentVersion":"10.8760.22631.3447","healthStatus":"Active","onboardingStatus":"onboarded","riskScore":"Low","exposureLevel":"Medium",
              "lastSeen":"2026-11-02T08:00:00Z","firstSeen":"2026-01-01T00:00:00Z","rbacGroupName":"fuzz","rbacGroupId":7,"machineTags":["a"],
              "lastIpAddress":"10.0.0.5","ipAddresses":[{"ipAddress":"10.0.0.5","macAddress":"001122334455","operationalStatus":"Up"}]},
             {"id":"2222222222222222222222222222222222222222","computerDnsName":"fuzz-2.contoso.com","osPlatform":"Linux","lastSeen":"2026-11-02T08:00:00Z"}]
            """);
        await SendAsync(client, HttpMethod.Post, $"/_emulator/tenants/{Tenant}/data/alerts", $$"""
            [{"id":"{{FuzzRoute.Alert}}","title":"fuzz","severity":"High","status":"New","category":"Malware","machineId":"{{FuzzRoute.Machine}}",
              "alertCreationTime":"2026-11-01T10:00:00Z","lastUpdateTime":"2026-11-01T10:00:00Z",
              "evidence":[{"entityType":"Url","url":"https://evil.example/x","evidenceCreationTime":"2026-11-01T10:00:00Z"}]}]
            """);
        await SendAsync(client, HttpMethod.Post, $"/_emulator/tenants/{Tenant}/data/indicators", """
            [{"id":"1","indicatorValue":"evil.example","indicatorType":"DomainName","action":"Block","title":"t","description":"d"},
             {"id":"2","indicatorValue":"10.1.1.1","indicatorType":"IpAddress","action":"Alert","title":"t","description":"d"}]
            """);
        await SendAsync(client, HttpMethod.Post, $"/_emulator/tenants/{Tenant}/apps", """{"clientId":"fuzz-reader","clientSecret":"s","roles":["Machine.Read.All"]}""");
        return new Dictionary<FuzzAuth, string>
        {
            [FuzzAuth.Valid] = await TokenAsync(client, "defender-emulator", "emulator-secret"),
            [FuzzAuth.Limited] = await TokenAsync(client, "fuzz-reader", "s"),
        };
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string clientId, string secret)
    {
        using var response = await client.PostAsync($"/{Tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "https://api.securitycenter.microsoft.com/.default",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}

/// <summary>Sends one case and judges the answer.</summary>
public static class FuzzExchange
{
    /// <summary>Sends <paramref name="request"/>; returns the status (or <see langword="null"/> when unsendable) and the broken property.</summary>
    /// <param name="client">The client.</param>
    /// <param name="tokens">Tokens by kind.</param>
    /// <param name="verdict">The judge.</param>
    /// <param name="request">The case.</param>
    /// <returns>The status and the problem.</returns>
    public static async Task<(int? Status, string? Problem)> RunAsync(HttpClient client, IReadOnlyDictionary<FuzzAuth, string> tokens, FuzzVerdict verdict, FuzzRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(request);
        using var message = request.ToMessage(tokens);
        if (message is null)
        {
            verdict.CountUnsendable();
            return (null, null);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message);
        }
        catch (InvalidOperationException) when (request.HasNulInPath)
        {
            // The in-process test server refuses what Kestrel would refuse with a bare 400.
            verdict.CountTransportRejection();
            return (null, null);
        }

        using var answer = response;
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (request.HasNulInPath)
        {
            verdict.CountTransportRejection();
            return (status, status == 400 && body.Length == 0 ? null : $"a NUL in the path answered {status} '{body}', not Kestrel's bare 400");
        }

        return (status, verdict.Judge(request, status, response.Content.Headers.ContentType?.ToString(), body));
    }
}
