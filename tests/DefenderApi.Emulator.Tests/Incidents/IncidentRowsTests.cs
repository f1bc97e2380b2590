using System.Text.Json;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Incidents;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EmulatorJson = DefenderApi.Emulator.OData.ODataJson;

namespace DefenderApi.Emulator.Tests.Incidents;

/// <summary>
/// The incident page reads its alerts, entities and devices straight from rows (IncidentRows); this proves, over the
/// whole demo tenant, that the JSON is exactly what the serializer writes for resources shaped from materialized
/// entities (the page's earlier reader, kept here as the oracle).
/// </summary>
public sealed class IncidentRowsTests(IncidentRowsTests.DemoFactory factory) : IClassFixture<IncidentRowsTests.DemoFactory>
{
    public sealed class DemoFactory : EmulatorFactory
    {
        public DemoFactory() => Seed = "demo";
    }

    [Fact]
    public async Task EveryIncident_ReadFromRows_IsWrittenExactlyAsFromMaterializedEntities()
    {
        using var client = await factory.CreateApiClientAsync(); // the store is created and seeded once the emulator is ready
        // Evidence of every kind the page writes, on an alert the page shows.
        var alertId = (await ODataJson.OkAsync(await client.GetAsync("/api/alerts?$top=1", TestContext.Current.CancellationToken)))
            .GetProperty("value")[0].GetProperty("id").GetString();
        using (var patched = await client.PatchAsync(
            $"/api/alerts/{alertId}", new StringContent("""{"status":"InProgress","assignedTo":"secop@contoso.com","classification":"TruePositive","determination":"Malware"}""",
                System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            patched.EnsureSuccessStatusCode();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().TenantId = DefaultTenant.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var options = EmulatorJson.Options(scope.ServiceProvider);
        var incidents = await db.Set<Incident>().OrderByDescending(i => i.CreatedTime).ThenByDescending(i => i.IncidentId)
            .ToListAsync(TestContext.Current.CancellationToken);

        var actual = await IncidentReader.ReadAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseLocation>(), incidents, db.Alerts());
        var expected = await MaterializedAsync(db, incidents);

        Assert.NotEmpty(incidents);
        Assert.Contains(actual, i => i.Alerts.Any(a => a.Entities.Count > 1 && a.Devices.Count == 1));
        Assert.Contains(actual, i => i.Alerts.Any(a => a.AssignedTo is not null && a.Classification is not null));
        Assert.Equal(expected.Select(i => JsonSerializer.Serialize(i, options)), actual.Select(i => JsonSerializer.Serialize(i, options)));
    }

    // The oracle: alerts with their evidence and machines materialized by EF Core, shaped property by property.
    private static async Task<List<IncidentResource>> MaterializedAsync(EmulatorDbContext db, List<Incident> incidents)
    {
        var alerts = await db.Alerts().Include(a => a.Evidence).Where(a => a.IncidentId != null).ToListAsync(TestContext.Current.CancellationToken);
        var machines = await db.Machines().ToDictionaryAsync(m => m.Id, StringComparer.Ordinal, TestContext.Current.CancellationToken);
        var byIncident = alerts.OrderBy(a => a.AlertCreationTime).ThenBy(a => a.Id, StringComparer.Ordinal).ToLookup(a => a.IncidentId!.Value);
        return [.. incidents.Select(i => new IncidentResource
        {
            IncidentId = i.IncidentId,
            RedirectIncidentId = i.RedirectIncidentId,
            IncidentName = i.IncidentName,
            CreatedTime = i.CreatedTime,
            LastUpdateTime = i.LastUpdateTime,
            AssignedTo = i.AssignedTo,
            Classification = i.Classification,
            Determination = i.Determination,
            DetectionSource = i.DetectionSource,
            Status = i.Status.ToString(),
            Severity = i.Severity.ToString(),
            Tags = i.Tags,
            Comments = i.Comments,
            Alerts = [.. byIncident[i.IncidentId].Select(a => Alert(a, machines.GetValueOrDefault(a.MachineId)))],
        })];
    }

    private static IncidentAlertResource Alert(Alert alert, Machine? machine) => new()
    {
        AlertId = alert.Id,
        IncidentId = alert.IncidentId,
        ServiceSource = IncidentReader.EndpointServiceSource,
        CreationTime = alert.AlertCreationTime,
        LastUpdatedTime = alert.LastUpdateTime,
        ResolvedTime = alert.ResolvedTime,
        FirstActivity = alert.FirstEventTime,
        LastActivity = alert.LastEventTime,
        Title = alert.Title,
        Description = alert.Description,
        Category = alert.Category,
        Status = alert.Status.ToString(),
        Severity = alert.Severity.ToString(),
        InvestigationId = alert.InvestigationId,
        InvestigationState = alert.InvestigationState,
        Classification = alert.Classification?.ToString(),
        Determination = alert.Determination?.ToString(),
        DetectionSource = alert.DetectionSource,
        AssignedTo = alert.AssignedTo,
        ThreatFamilyName = alert.ThreatFamilyName,
        MitreTechniques = alert.MitreTechniques,
        Devices = machine is null ? [] : [new IncidentDeviceResource
        {
            MdatpDeviceId = machine.Id,
            AadDeviceId = machine.AadDeviceId,
            DeviceDnsName = machine.ComputerDnsName,
            OsPlatform = machine.OsPlatform,
            Version = machine.Version,
            OsProcessor = machine.OsProcessor,
            OsBuild = machine.OsBuild,
            HealthStatus = machine.HealthStatus.ToString(),
            RiskScore = machine.RiskScore?.ToString(),
            RbacGroupName = machine.RbacGroupName,
            RbacGroupId = machine.RbacGroupId,
            FirstSeen = machine.FirstSeen,
        }],
        Entities = [.. alert.Evidence.OrderBy(e => e.Sequence).Select(e => new IncidentEntityResource
        {
            EntityType = e.EntityType,
            Sha1 = e.Sha1,
            Sha256 = e.Sha256,
            FileName = e.FileName,
            FilePath = e.FilePath,
            ProcessId = e.ProcessId,
            ProcessCommandLine = e.ProcessCommandLine,
            ProcessCreationTime = e.ProcessCreationTime,
            ParentProcessId = e.ParentProcessId,
            ParentProcessCreationTime = e.ParentProcessCreationTime,
            IpAddress = e.IpAddress,
            Url = e.Url,
            AccountName = e.AccountName,
            DomainName = e.DomainName,
            UserSid = e.UserSid,
            AadUserId = e.AadUserId,
            UserPrincipalName = e.UserPrincipalName,
            MailboxAddress = e.EntityType is "User" or "MailBox" ? e.UserPrincipalName : null,
            RegistryHive = e.RegistryHive,
            RegistryKey = e.RegistryKey,
            RegistryValueType = e.RegistryValueType,
            RegistryValue = e.RegistryValue,
            DeviceId = e.EntityType is "File" or "Process" ? alert.MachineId : null,
        })],
    };
}
