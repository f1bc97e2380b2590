using System.Net.Http.Json;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Tests.Infrastructure;

/// <summary>Machines of known platforms and sensors, loaded through the admin data endpoint.</summary>
public static class TestMachines
{
    public const string Windows11 = "1111111111111111111111111111111111111111";
    public const string Windows10v1607 = "1016071016071016071016071016071016071607";
    public const string Windows10v1703 = "1017031017031017031017031017031017031703";
    public const string Linux = "4444444444444444444444444444444444444444";
    public const string MacOs = "5555555555555555555555555555555555555555";
    public const string Android = "6666666666666666666666666666666666666666";
    public const string Server2012Mma = "2012201220122012201220122012201220122012";

    /// <summary>The standard set: one machine per interesting platform/sensor.</summary>
    public static object[] Standard(DateTimeOffset now) =>
    [
        Machine(Windows11, "wks-11.contoso.com", "Windows11", "23H2", 22631, "10.8760.22631.3447", now),
        Machine(Windows10v1607, "desktop-1607.contoso.com", "Windows10", "1607", 14393, "10.8210.14393.6897", now),
        Machine(Windows10v1703, "desktop-1703.contoso.com", "Windows10", "1703", 15063, "10.8210.15063.2614", now),
        Machine(Linux, "lnx-01.contoso.com", "Linux", "Ubuntu 22.04", null, "101.24032.0007", now),
        Machine(MacOs, "mac-01.contoso.com", "macOS", "14.4", null, "101.24022.0006", now),
        Machine(Android, "android-01.contoso.com", "Android", "14", null, "1.0.6214.0101", now),
        Machine(Server2012Mma, "srv2012-01.contoso.com", "WindowsServer2012R2", "6.3", 9600, "10.3720.9600.20478", now),
    ];

    public static object Machine(string id, string name, string platform, string version, long? build, string agentVersion, DateTimeOffset now) => new
    {
        id,
        computerDnsName = name,
        firstSeen = now.AddDays(-100),
        lastSeen = now.AddHours(-1),
        osPlatform = platform,
        onboardingStatus = "onboarded",
        osProcessor = "x64",
        version,
        osBuild = build,
        lastIpAddress = "10.0.0.5",
        lastExternalIpAddress = "167.220.196.71",
        healthStatus = "Active",
        rbacGroupName = "The-A-Team",
        rbacGroupId = 140,
        riskScore = "Low",
        aadDeviceId = (Guid?)null,
        isAadJoined = false,
        machineTags = new[] { "test tag 1" },
        exposureLevel = "Medium",
        deviceValue = "Normal",
        ipAddresses = new[] { new { ipAddress = "10.0.0.5", macAddress = "001122334455", operationalStatus = "Up" } },
        osArchitecture = "64-bit",
        agentVersion,
    };

    /// <summary>Loads items into a collection of the default tenant through the admin API.</summary>
    public static async Task LoadAsync(EmulatorFactory factory, string collection, IEnumerable<object> items, Guid? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var client = await factory.CreateReadyClientAsync();
        using var response = await client.PostAsJsonAsync($"/_emulator/tenants/{tenantId ?? DefaultTenant.TenantId}/data/{collection}", items);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
    }

    /// <summary>Posts raw JSON to a collection of the default tenant through the admin API; the answer is the caller's to check.</summary>
    public static async Task<HttpResponseMessage> PostAsync(EmulatorFactory factory, string collection, string json)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var admin = await factory.CreateReadyClientAsync();
        return await admin.PostAsync($"/_emulator/tenants/{DefaultTenant.TenantId}/data/{collection}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
    }

    /// <summary>Loads <see cref="Standard"/>.</summary>
    public static Task LoadStandardAsync(EmulatorFactory factory) =>
        LoadAsync(factory, "machines", Standard(EmulatorFactory.StartTime));
}
