// The README's code examples, compiled so they stay true. README.md mirrors these regions verbatim.
using Azure.Core;
using Azure.Identity;
using DefenderApi.Client.Models;
using DefenderApi.Client.Query;
using DefenderApi.Errors;
using DefenderApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DefenderApi.Client.Tests.Snippets;

internal static class ReadmeSnippets
{
    public static async Task CreateAndQueryAsync(string tenantId, string clientId, string clientSecret)
    {
        #region client-create
        var credential = new ClientSecretCredential(tenantId, clientId, clientSecret);
        var client = new DefenderClient(DefenderEndpoints.Default, credential, new DefenderClientOptions
        {
            ApplicationId = "contoso-soar/1.0",
            Retry = new DefenderRetryOptions { MaxRetries = 5, MaxRetryAfter = TimeSpan.FromSeconds(90) },
        });
        #endregion

        #region client-query
        var since = TimeProvider.System.GetUtcNow().AddDays(-1);
        var query = new ODataQuery<Machine>()
            .Filter(m => m.HealthStatus == "Active" && m.LastSeen > since && m.MachineTags!.Contains("VIP"))
            .OrderByDescending(m => m.LastSeen)
            .Top(500);

        await foreach (var machine in client.GetMachinesAsync(query))
        {
            Console.WriteLine($"{machine.ComputerDnsName} {machine.RiskScore}");
        }
        #endregion
    }

    public static async Task IncidentsAsync(DefenderClient client, DateTimeOffset since)
    {
        #region client-incidents
        var query = new ODataQuery<IncidentFilter>().Filter(i => i.Status == "Active" && i.LastUpdateTime > since);
        await foreach (var incident in client.ListIncidentsAsync(query))
        {
            await client.UpdateIncidentAsync(incident.IncidentId, new IncidentUpdate { AssignedTo = "soar@contoso.com" });
        }
        #endregion
    }

    public static async Task IsolateAsync(DefenderClient client, string machineId)
    {
        #region client-errors
        try
        {
            var action = await client.IsolateMachineAsync(machineId, "Ransomware playbook", IsolationType.Selective);
            var final = await client.WaitForCompletionAsync(action.Id!, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));
            Console.WriteLine($"Isolation {final.Status}");
        }
        catch (DefenderRequestFailedException e) when (e.ErrorCode == DefenderErrorCode.OsPlatformNotSupported)
        {
            Console.WriteLine($"{e.LocalizedDescription} ({e.Message}); quote target {e.Target} to support");
        }
        #endregion
    }

    public static void Register(IServiceCollection services, TokenCredential credential, TokenCredential contosoCredential, TokenCredential fabrikamCredential)
    {
        #region client-di
        services.AddDefenderClient(
            DefenderEndpoints.ForRegion(DefenderRegion.Europe),
            _ => credential,
            options => options.ReturnExistingActionOnConflict = true);

        // One client per customer tenant (an MSSP): each name has its own credential, token cache and retry pipeline.
        services.AddDefenderClient("contoso", DefenderEndpoints.Default, _ => contosoCredential);
        services.AddDefenderClient("fabrikam", DefenderEndpoints.Default, _ => fabrikamCredential);
        // … then inject [FromKeyedServices("contoso")] DefenderClient client
        #endregion
    }

    public static async Task TestingKitAsync()
    {
        #region testing-kit
        await using var emulator = await DefenderEmulator.StartAsync(new DefenderEmulatorOptions { Seed = "none" });
        await emulator.Admin.LoadDataAsync(DefenderEmulator.DefaultTenantId, "machines",
            [DefenderModelFactory.Machine(id: "m1", computerDnsName: "ws1", osPlatform: "Windows11", lastSeen: emulator.Now)]);
        await emulator.Admin.AddFaultAsync(new FaultRule { Method = "POST", Path = "/api/machines/*/isolate", Error = "TooManyRequests", Count = 1 });

        var action = await emulator.Client.IsolateMachineAsync("m1", "test");   // 429 first, retried by the client

        emulator.Journal.AssertRequested(HttpMethod.Post, "/api/machines/{id}/isolate", times: 2);
        #endregion
        _ = action;
    }
}
