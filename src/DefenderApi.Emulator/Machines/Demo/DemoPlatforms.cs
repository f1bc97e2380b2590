namespace DefenderApi.Emulator.Machines.Demo;

/// <summary>One kind of device in the demo mix, with its share and the versions it comes in.</summary>
/// <param name="OsPlatform">The <c>osPlatform</c> value.</param>
/// <param name="Weight">Relative share of the fleet.</param>
/// <param name="NamePrefix">Computer name prefix.</param>
/// <param name="Versions">(version, build) pairs; build 0 = none.</param>
/// <param name="IsWindows">Whether the sensor version embeds the Windows build.</param>
internal sealed record DemoPlatform(string OsPlatform, int Weight, string NamePrefix, (string Version, long Build)[] Versions, bool IsWindows)
{
    // Old Windows 10 releases (1607, 1703) are in the mix so ClientVersionNotSupported can be hit from the demo set.
    public static readonly DemoPlatform[] All =
    [
        new("Windows11", 30, "wks", [("22H2", 22621), ("23H2", 22631), ("24H2", 26100)], true),
        new("Windows10", 25, "desktop", [("1607", 14393), ("1703", 15063), ("1709", 16299), ("21H2", 19044), ("22H2", 19045), ("22H2", 19045)], true),
        new("WindowsServer2012R2", 4, "srv2012", [("6.3", 9600)], true),
        new("WindowsServer2016", 6, "srv2016", [("1607", 14393)], true),
        new("WindowsServer2019", 8, "srv2019", [("1809", 17763)], true),
        new("WindowsServer2022", 7, "srv2022", [("21H2", 20348)], true),
        new("Linux", 9, "lnx", [("Ubuntu 22.04", 0), ("RHEL 9.3", 0), ("Debian 12", 0)], false),
        new("macOS", 6, "mac", [("13.6", 0), ("14.4", 0)], false),
        new("iOS", 3, "iphone", [("17.4", 0)], false),
        new("Android", 2, "android", [("14", 0)], false),
    ];

    public static DemoPlatform Pick(Random random)
    {
        var roll = random.Next(All.Sum(p => p.Weight));
        foreach (var platform in All)
        {
            roll -= platform.Weight;
            if (roll < 0)
            {
                return platform;
            }
        }

        return All[0];
    }
}
