using DefenderApi.Emulator.Files;
using DefenderApi.Emulator.Hosting;
using DefenderApi.Emulator.Incidents;
using DefenderApi.Emulator.Machines;
using DefenderApi.Emulator.Machines.Related;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FileInfo = DefenderApi.Emulator.Files.FileInfo;

namespace DefenderApi.Emulator.Alerts.Demo;

/// <summary>
/// Seeds demo tenants (after the demo machines) with users from the machines' logon users, the demo files, and
/// alerts with evidence on about half the machines (or <see cref="EmulatorOptions.DemoAlerts"/> alerts on random machines). Deterministic from <see cref="EmulatorOptions.DemoRandomSeed"/>.
/// </summary>
internal sealed class AlertDemoSeeder(IOptions<EmulatorOptions> options, TimeProvider time) : ITenantSeeder
{
    public async Task SeedAsync(EmulatorDbContext db, Guid tenantId, string seed, CancellationToken cancellationToken)
    {
        if (seed != "demo")
        {
            return;
        }

        var random = new Random(options.Value.DemoRandomSeed + 6);
        var now = time.GetUtcNow();
        var machines = await db.Machines().OrderBy(m => m.Id).ToListAsync(cancellationToken);
        var logons = await db.Set<MachineRelatedItem>().Where(i => i.Kind == RelatedKind.LogonUsers).ToListAsync(cancellationToken);
        var machinesById = machines.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var logonsByMachine = logons.ToLookup(l => l.MachineId, StringComparer.Ordinal);

        // Files draw from the random sequence before the alerts do: keep that order, the demo data set depends on it.
        var files = DemoThreats.Files.Select(f => File(tenantId, f, now, random)).ToList();
        var alerting = options.Value.DemoAlerts is { } count && machines.Count > 0
            ? Enumerable.Range(0, count).Select(_ => machines[random.Next(machines.Count)])
            : machines.Where(_ => random.Next(2) == 0);
        var alerts = alerting.Select(m => Alert(tenantId, m, logonsByMachine[m.Id], now, random)).ToList();
        // The same grouping rule as every other path that writes alerts (IncidentAssignment).
        var incidents = IncidentAssignment.AssignBatch(tenantId, alerts, IncidentAssignment.FirstId);
        await BulkInsert.InsertAsync(db, [.. Users(tenantId, machinesById, logons)], cancellationToken);
        await BulkInsert.InsertAsync(db, files, cancellationToken);
        await BulkInsert.InsertAsync(db, alerts, cancellationToken);
        await BulkInsert.InsertAsync(db, [.. incidents], cancellationToken);
        await BulkInsert.InsertAsync(db, [.. alerts.SelectMany(a => a.Evidence)], cancellationToken);
    }

    private static IEnumerable<UserAccount> Users(Guid tenantId, Dictionary<string, Machine> machines, List<MachineRelatedItem> logons) =>
        logons.GroupBy(l => l.Id, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var seen = group.Select(l => machines[l.MachineId]).ToList();
            var parts = group.Key.Split('\\');
            return new UserAccount
            {
                TenantId = tenantId,
                Id = group.Key,
                AccountDomain = parts[0],
                AccountName = parts[^1],
                AccountSid = $"S-1-5-21-1782978722-3297980244-1617215312-{1100 + (parts[^1].Sum(c => c) % 900)}",
                FirstSeen = seen.Min(m => m.FirstSeen),
                LastSeen = seen.Max(m => m.LastSeen),
                MostPrevalentMachineId = seen.OrderByDescending(m => m.LastSeen).First().Id,
                LeastPrevalentMachineId = seen.OrderBy(m => m.LastSeen).First().Id,
                LogonTypes = "Interactive",
                LogOnMachinesCount = seen.Count,
                IsDomainAdmin = parts[^1] is "alice" or "trent",
            };
        });

    private static FileInfo File(Guid tenantId, DemoFile file, DateTimeOffset now, Random random) => new()
    {
        TenantId = tenantId,
        Sha1 = file.Sha1,
        Sha256 = file.Sha256,
        Md5 = file.Md5,
        GlobalPrevalence = random.Next(1, 200_000),
        GlobalFirstObserved = now.AddDays(-random.Next(60, 900)),
        GlobalLastObserved = now.AddHours(-random.Next(1, 72)),
        Size = file.Size,
        FileType = file.Name.EndsWith(".ps1", StringComparison.Ordinal) ? "PowerShell" : "PortableExecutable",
        IsPeFile = !file.Name.EndsWith(".ps1", StringComparison.Ordinal),
        FilePublisher = file.ThreatName is null ? "Contoso Ltd." : null,
        Signer = file.ThreatName is null ? "Contoso Ltd." : null,
        IsValidCertificate = file.ThreatName is null,
        DeterminationType = file.ThreatName is null ? "Unknown" : "Malware",
        DeterminationValue = file.ThreatName,
        FileNames = [file.Name],
    };

    private static Alert Alert(Guid tenantId, Machine machine, IEnumerable<MachineRelatedItem> logons, DateTimeOffset now, Random random)
    {
        var detection = DemoThreats.Detections[random.Next(DemoThreats.Detections.Length)];
        // Before the device's last report (a device that went silent raised nothing since: its events would be newer),
        // and within the 25 days before now, so that advanced hunting's 30-day window shows every demo alert.
        var latest = machine.LastSeen < now ? machine.LastSeen : now;
        var span = Math.Max(60, (int)(latest - now.AddDays(-25)).TotalMinutes);
        var created = latest.AddMinutes(-30 - (random.Next(30, 60 * 24 * 25) % span));
        var user = logons.Select(l => l.Id.Split('\\')).FirstOrDefault() ?? ["contoso", "alice"];
        var status = (AlertStatus)random.Next(1, 4);
        var id = $"da{created.UtcTicks}_{random.Next(1_000_000_000, int.MaxValue)}";
        // The draw that once picked a random incident id; kept so that the rest of the demo data set stays the same.
        _ = random.Next(1000, 9999);
        var alert = new Alert
        {
            TenantId = tenantId,
            Id = id,
            InvestigationState = "Unknown",
            AssignedTo = status == AlertStatus.New ? null : "secops@contoso.com",
            RbacGroupName = machine.RbacGroupName,
            Severity = detection.Severity,
            Status = status,
            Classification = status == AlertStatus.Resolved ? AlertClassification.TruePositive : null,
            Determination = status == AlertStatus.Resolved ? AlertDetermination.Malware : null,
            DetectionSource = detection.Source,
            DetectorId = DemoThreats.Hash(detection.Title, Validation.HashKind.Md5),
            Category = detection.Category,
            ThreatFamilyName = detection.ThreatName?.Split('/')[^1],
            ThreatName = detection.ThreatName,
            Title = detection.Title,
            Description = $"{detection.Title} on {machine.ComputerDnsName}.",
            AlertCreationTime = created,
            FirstEventTime = created.AddMinutes(-random.Next(1, 30)),
            LastEventTime = created.AddMinutes(-1),
            LastUpdateTime = created.AddMinutes(random.Next(0, 600)),
            ResolvedTime = status == AlertStatus.Resolved ? created.AddHours(2) : null,
            MachineId = machine.Id,
            ComputerDnsName = machine.ComputerDnsName,
            AadTenantId = tenantId.ToString(),
            RelatedUser = new RelatedUser { UserName = user[^1], DomainName = user[0] },
            MitreTechniques = [.. detection.Mitre],
        };
        alert.Evidence = Evidence(alert, random);
        return alert;
    }

    private static List<AlertEvidence> Evidence(Alert alert, Random random)
    {
        var file = DemoThreats.Files[random.Next(DemoThreats.Files.Length)];
        var domain = DemoThreats.Domains[random.Next(DemoThreats.Domains.Length)];
        var at = alert.FirstEventTime!.Value;
        AlertEvidence Item(int sequence, string type) => new()
        {
            TenantId = alert.TenantId, AlertId = alert.Id, Sequence = sequence, EntityType = type, EvidenceCreationTime = at,
            DetectionStatus = type is "File" or "Process" ? "Detected" : null,
        };

        var fileEvidence = Item(0, "File");
        fileEvidence.Sha1 = file.Sha1;
        fileEvidence.Sha256 = file.Sha256;
        fileEvidence.FileName = file.Name;
        fileEvidence.FilePath = file.Folder;
        var process = Item(1, "Process");
        process.Sha1 = file.Sha1;
        process.FileName = file.Name;
        process.FilePath = file.Folder;
        process.ProcessId = random.Next(1000, 20000);
        process.ProcessCommandLine = $"\"{file.Name}\"";
        process.ProcessCreationTime = at;
        process.ParentProcessId = random.Next(1000, 20000);
        process.ParentProcessFileName = "explorer.exe";
        process.ParentProcessFilePath = @"C:\Windows";
        var user = Item(2, "User");
        user.AccountName = alert.RelatedUser!.UserName;
        user.DomainName = alert.RelatedUser.DomainName;
        user.UserPrincipalName = $"{alert.RelatedUser.UserName}@contoso.com";
        var ip = Item(3, "Ip");
        ip.IpAddress = DemoThreats.Addresses[random.Next(DemoThreats.Addresses.Length)];
        var url = Item(4, "Url");
        url.Url = $"https://{domain}/{random.Next(100, 999)}";
        url.Host = domain;
        return [fileEvidence, process, user, ip, url];
    }
}
