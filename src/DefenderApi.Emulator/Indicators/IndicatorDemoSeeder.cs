using System.Globalization;
using DefenderApi.Emulator.Alerts.Demo;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Indicators;

/// <summary>Seeds demo tenants with indicators for the demo threats: malicious files, C2 domains and addresses.</summary>
internal sealed class IndicatorDemoSeeder(TimeProvider time) : ITenantSeeder
{
    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var now = time.GetUtcNow();
        var indicators = new List<Indicator>();
        void Add(IndicatorType type, string value, IndicatorAction action, IndicatorSeverity severity, string title) => indicators.Add(new Indicator
        {
            TenantId = tenantId,
            Id = (indicators.Count + 1).ToString(CultureInfo.InvariantCulture),
            IndicatorType = type,
            IndicatorValue = value,
            Action = action,
            Severity = severity,
            Title = title,
            Description = $"{title} (demo threat intelligence)",
            Source = "Contoso SOC",
            CreatedBySource = "Contoso SOC",
            SourceType = IndicatorSourceType.AadApp,
            CreatedBy = DefaultTenant.ClientId,
            CreatedByApp = DefaultTenant.ClientId,
            LastUpdatedBy = DefaultTenant.ClientId,
            CreationTimeDateTimeUtc = now.AddDays(-indicators.Count - 1),
            LastUpdateTime = now.AddDays(-indicators.Count - 1),
            GenerateAlert = action is IndicatorAction.Audit or IndicatorAction.Alert or IndicatorAction.AlertAndBlock,
        });

        foreach (var file in DemoThreats.Files.Where(f => f.ThreatName is not null))
        {
            Add(IndicatorType.FileSha256, file.Sha256, IndicatorAction.BlockAndRemediate, IndicatorSeverity.High, file.ThreatName!);
        }

        foreach (var domain in DemoThreats.Domains)
        {
            Add(IndicatorType.DomainName, domain, IndicatorAction.Block, IndicatorSeverity.Medium, $"C2 domain {domain}");
        }

        foreach (var address in DemoThreats.Addresses.Take(2))
        {
            Add(IndicatorType.IpAddress, address, IndicatorAction.Audit, IndicatorSeverity.Low, $"Suspicious address {address}");
        }

        // Bulk statements, as the other seeders: saving through the change tracker compiled the indicator's snapshot and
        // comparer code at every start (tens of milliseconds of JIT) for a path only POST /api/indicators needs.
        await BulkInsert.InsertAsync(db, indicators, cancellationToken);
        await TenantSequences.SeedAsync(db, tenantId, "indicators", indicators.Count + 1, cancellationToken);
    }
}
