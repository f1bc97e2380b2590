using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DefenderApi.Emulator.Machines.Related;

namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>
/// Generates the demo fleet from one seed: the same seed, size and anchor day give the same machines and
/// sub-collections, byte for byte. Times are relative to <paramref name="anchor"/> (the start day, midnight UTC)
/// so that "recent" stays recent.
/// </summary>
/// <param name="seed">The random seed.</param>
/// <param name="anchor">The reference instant (midnight UTC of the start day).</param>
internal sealed class DemoMachineGenerator(int seed, DateTimeOffset anchor)
{
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly Random _random = new(seed);

    public (List<Machine> Machines, List<MachineRelatedItem> Related) Generate(Guid tenantId, int count)
    {
        var machines = new List<Machine>(count);
        var related = new List<MachineRelatedItem>(count * 24);
        var tvm = new DemoTvmFleet();
        for (var index = 0; index < count; index++)
        {
            var machine = NextMachine(tenantId, index);
            machines.Add(machine);
            AddRelated(related, machine, tvm);
        }

        tvm.Emit(item => JsonSerializer.Serialize(item, ApiJson), (machine, kind, id, json) => related.Add(new MachineRelatedItem
        {
            TenantId = machine.TenantId, MachineId = machine.Id, Kind = kind, Id = id, Json = json,
        }));
        return (machines, related);
    }

    private Machine NextMachine(Guid tenantId, int index)
    {
        var platform = DemoPlatform.Pick(_random);
        var (version, build) = platform.Versions[_random.Next(platform.Versions.Length)];
        var group = DemoCatalog.Groups[_random.Next(DemoCatalog.Groups.Length)];
        var firstSeen = anchor.AddDays(-_random.Next(30, 720)).AddSeconds(_random.Next(86_400));
        var silentMinutes = _random.Next(5, 60 * 24 * 20);
        var ip = $"10.{_random.Next(1, 255)}.{_random.Next(0, 255)}.{_random.Next(1, 255)}";
        var name = $"{platform.NamePrefix}-{index:D5}.contoso.com";
        var health = Pick([MachineHealthStatus.Active, MachineHealthStatus.Active, MachineHealthStatus.Active, MachineHealthStatus.Active,
            MachineHealthStatus.Inactive, MachineHealthStatus.ImpairedCommunication, MachineHealthStatus.NoSensorData]);
        // An inactive device has been silent for more than seven days (8 to 20 before the anchor), the others reported
        // within the last six, so the health the fleet draws agrees with its last seen (docs/fidelity.md).
        var lastSeen = health == MachineHealthStatus.Inactive
            ? anchor.AddMinutes(-(60 * 24 * 8) - (silentMinutes % (60 * 24 * 12)))
            : anchor.AddMinutes(-5 - (silentMinutes % (60 * 24 * 6)));
        var isMobile = platform.OsPlatform is "iOS" or "Android";
        var machine = new Machine
        {
            TenantId = tenantId,
            Id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{seed}/{index}"))),
            ComputerDnsName = name,
            FirstSeen = firstSeen,
            LastSeen = lastSeen,
            OsPlatform = platform.OsPlatform,
            OnboardingStatus = "onboarded",
            OsProcessor = isMobile ? "arm64" : "x64",
            Version = version,
            OsBuild = build == 0 ? null : build,
            LastIpAddress = ip,
            LastExternalIpAddress = $"167.220.{_random.Next(0, 255)}.{_random.Next(1, 255)}",
            HealthStatus = health,
            RbacGroupName = group.Name,
            RbacGroupId = group.Id,
            RiskScore = Pick<MachineRiskScore?>([MachineRiskScore.None, MachineRiskScore.Informational, MachineRiskScore.Low, MachineRiskScore.Low, MachineRiskScore.Medium, MachineRiskScore.High]),
            AadDeviceId = platform.IsWindows && _random.Next(3) > 0 ? new Guid(RandomBytes(16)) : null,
            MachineTags = [.. Enumerable.Range(0, _random.Next(0, 3)).Select(_ => DemoCatalog.Tags[_random.Next(DemoCatalog.Tags.Length)]).Distinct()],
            ExposureLevel = Pick<ExposureLevel?>([ExposureLevel.None, ExposureLevel.Low, ExposureLevel.Medium, ExposureLevel.Medium, ExposureLevel.High]),
            DeviceValue = Pick<DeviceValue?>([DeviceValue.Normal, DeviceValue.Normal, DeviceValue.Normal, DeviceValue.Low, DeviceValue.High]),
            IpAddresses = [new IpAddress { Address = ip, MacAddress = Convert.ToHexString(RandomBytes(6)), OperationalStatus = "Up" }],
            OsArchitecture = "64-bit",
            AgentVersion = AgentVersionFor(platform, build),
        };
        machine.IsAadJoined = machine.AadDeviceId is not null;
        return machine;
    }

    // Windows sensors embed the OS build (third part); 2012 R2/2016 on the old MMA-based sensor have a 10.3720 release.
    private string AgentVersionFor(DemoPlatform platform, long build)
    {
        if (!platform.IsWindows)
        {
            return $"101.{_random.Next(23000, 25000)}.{_random.Next(0, 9999):D4}";
        }

        var legacy = platform.OsPlatform is "WindowsServer2012R2" or "WindowsServer2016" && _random.Next(2) == 0;
        var release = legacy ? 3720 : 8000 + _random.Next(0, 800);
        return string.Create(CultureInfo.InvariantCulture, $"10.{release}.{build}.{_random.Next(1, 5000)}");
    }

    private void AddRelated(List<MachineRelatedItem> related, Machine machine, DemoTvmFleet tvm)
    {
        foreach (var user in DemoCatalog.Users.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)))
        {
            Add(related, machine, RelatedKind.LogonUsers, $"contoso\\{user}", new LogonUser
            {
                Id = $"contoso\\{user}",
                AccountName = user,
                AccountDomain = "contoso",
                FirstSeen = machine.FirstSeen.AddDays(_random.Next(0, 10)),
                LastSeen = machine.LastSeen,
                LogonTypes = _random.Next(4) == 0 ? "Network" : "Interactive",
                IsDomainAdmin = user is "alice" or "trent",
                IsOnlyNetworkUser = false,
            });
        }

        // The fleet's TVM state comes from the catalogue; the draws that picked it before still seed each device's
        // own random source, so every other value of the fleet stays what the same seed always gave.
        var tvmSeed = 17;
        for (var draw = 0; draw < 17; draw++)
        {
            tvmSeed = unchecked((tvmSeed * 31) + _random.Next(draw < 8 ? 2 : 3));
        }

        if (machine.OsPlatform.StartsWith("Windows", StringComparison.Ordinal))
        {
            for (var draw = 0; draw < 3; draw++)
            {
                tvmSeed = unchecked((tvmSeed * 31) + _random.Next(3));
            }
        }

        tvm.Add(machine, new Random(tvmSeed));
    }

    private static void Add<T>(List<MachineRelatedItem> related, Machine machine, RelatedKind kind, string id, T item) =>
        related.Add(new MachineRelatedItem
        {
            TenantId = machine.TenantId,
            MachineId = machine.Id,
            Kind = kind,
            Id = id,
            Json = JsonSerializer.Serialize(item, ApiJson),
        });

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
