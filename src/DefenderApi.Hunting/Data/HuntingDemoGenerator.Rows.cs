using System.Globalization;
using DefenderApi.Hunting.Data;

namespace DefenderApi.Hunting;

/// <summary>One method per table: what a row of that table looks like.</summary>
public sealed partial class HuntingDemoGenerator
{
    private void DeviceInfo(TableInserter row, int index)
    {
        var device = _spec.Devices[index / 3];
        var windows = IsWindows(device);
        var user = _spec.UserNames[(index / 3) % _spec.UserNames.Count];
        var reported = device.LastSeen is { } lastSeen
            ? lastSeen.UtcDateTime.AddHours(-24 * (index % 3))
            : _spec.Now.UtcDateTime.AddHours(-1 - (24 * (index % 3)) - (index / 3 % 7));
        row.Set("Timestamp", reported)
           .Set("DeviceId", device.DeviceId).Set("DeviceName", device.DeviceName).Set("OSPlatform", device.OsPlatform)
           .Set("ClientVersion", windows ? "10.8760.22621.1000" : "101.24052.0002").Set("PublicIP", "203.0.113." + (index / 3 % 250))
           .Set("OSArchitecture", "64-bit").Set("OSBuild", windows ? 22621L : 0L).Set("IsAzureADJoined", windows && index % 2 == 0)
           .Set("LoggedOnUsers", $$"""[{"UserName":"{{user}}","DomainName":"contoso","Sid":"S-1-5-21-1004-{{index / 3}}"}]""")
           .Set("OSVersion", windows ? "10.0" : "22.04").Set("MachineGroup", windows ? "Workstations" : "Servers").Set("ReportId", ++_reportId)
           .Set("OnboardingStatus", "Onboarded").Set("DeviceCategory", "Endpoint").Set("DeviceType", windows ? "Workstation" : "Server")
           .Set("SensorHealthState", index % 5 == 0 ? "Inactive" : "Active").Set("ExposureLevel", Pick(["Low", "Medium", "High"]))
           .Set("IsInternetFacing", index % 4 == 0).Set("IsExcluded", false).Set("IsTransient", false)
           .Set("DeviceManualTags", index % 2 == 0 ? """["VIP"]""" : "[]")
           .Set("AdditionalFields", $$"""{"AssetValue":"{{(index % 2 == 0 ? "High" : "Normal")}}"}""");
    }

    private void DeviceNetworkInfo(TableInserter row, int index)
    {
        var device = _spec.Devices[index];
        var ip = device.LocalIp ?? "10.0." + (index / 250) + "." + (index % 250 + 1);
        row.Set("Timestamp", device.LastSeen is { } lastSeen ? lastSeen.UtcDateTime.AddHours(-1) : _spec.Now.UtcDateTime.AddHours(-2)).Set("DeviceId", device.DeviceId).Set("DeviceName", device.DeviceName)
           .Set("NetworkAdapterName", "Ethernet").Set("MacAddress", "00155D" + index.ToString("X6", CultureInfo.InvariantCulture))
           .Set("NetworkAdapterType", "Ethernet").Set("NetworkAdapterStatus", "Up").Set("IPv4Dhcp", "10.0.0.1")
           .Set("IPAddresses", $$"""[{"IPAddress":"{{ip}}","SubnetPrefix":24,"AddressType":"Private"}]""")
           .Set("ConnectedNetworks", """[{"Name":"corp.contoso.com","Category":"Domain","IsConnectedToInternet":true}]""")
           .Set("DnsAddresses", """["10.0.0.2"]""").Set("DefaultGateways", """["10.0.0.1"]""").Set("ReportId", ++_reportId);
    }

    private void ProcessEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        var user = Pick(_spec.UserNames);
        var fileName = IsWindows(device) ? Pick(DemoCatalog.WindowsProcesses) : Pick(DemoCatalog.UnixProcesses);
        SetDeviceHeader(row, device, time, "ProcessCreated");
        SetFile(row, fileName, ProcessFolder(device, fileName));
        SetInitiatingProcess(row, device, time, user);
        row.Set("FileSize", (long)_random.Next(10_000, 5_000_000)).Set("ProcessId", (long)_random.Next(100, 40000))
           .Set("ProcessCommandLine", fileName + Pick(DemoCatalog.CommandArguments)).Set("ProcessCreationTime", time)
           .Set("ProcessIntegrityLevel", Pick(["Low", "Medium", "High", "System"])).Set("ProcessTokenElevation", Pick(["TokenElevationTypeDefault", "TokenElevationTypeFull"]))
           .Set("AccountName", user).Set("AccountDomain", "contoso").Set("AccountSid", "S-1-5-21-1004-" + user.Length)
           .Set("LogonId", (long)_random.Next(1000, 999_999)).Set("ProcessVersionInfoCompanyName", IsWindows(device) ? "Microsoft Corporation" : "")
           .Set("AdditionalFields", _random.Next(4) == 0 ? $$"""{"ProcessStartKey":{{_random.Next(1, 1_000_000)}},"Elevated":{{(_random.Next(2) == 0 ? "true" : "false")}}}""" : null);
    }

    private void NetworkEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        SetDeviceHeader(row, device, time, Pick(["ConnectionSuccess", "ConnectionSuccess", "ConnectionFailed", "InboundConnectionAccepted"]));
        SetInitiatingProcess(row, device, time, Pick(_spec.UserNames));
        var remoteIp = Pick(DemoCatalog.RemoteIps);
        row.Set("RemoteIP", remoteIp).Set("RemotePort", Pick(DemoCatalog.RemotePorts)).Set("RemoteUrl", Pick(DemoCatalog.RemoteUrls))
           .Set("LocalIP", LocalIp(device)).Set("LocalPort", _random.Next(49152, 65535)).Set("Protocol", Pick(["Tcp", "Udp"]))
           .Set("LocalIPType", "Private").Set("RemoteIPType", remoteIp.StartsWith("10.", StringComparison.Ordinal) || remoteIp.StartsWith("192.", StringComparison.Ordinal) ? "Private" : "Public");
    }

    private void FileEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        var user = Pick(_spec.UserNames);
        var fileName = Pick(DemoCatalog.FileNames);
        SetDeviceHeader(row, device, time, Pick(["FileCreated", "FileModified", "FileDeleted", "FileRenamed"]));
        SetFile(row, fileName, IsWindows(device) ? $@"C:\Users\{user}\Downloads\" : $"/home/{user}/");
        SetInitiatingProcess(row, device, time, user);
        row.Set("FileSize", (long)_random.Next(100, 10_000_000)).Set("FileOriginUrl", _random.Next(3) == 0 ? "https://files.example/" + fileName : "")
           .Set("RequestAccountName", user).Set("IsAzureInfoProtectionApplied", false);
    }

    private void RegistryEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        SetDeviceHeader(row, device, time, Pick(["RegistryValueSet", "RegistryKeyCreated", "RegistryValueDeleted"]));
        SetInitiatingProcess(row, device, time, Pick(_spec.UserNames));
        row.Set("RegistryKey", Pick(DemoCatalog.RegistryKeys)).Set("RegistryValueType", "String")
           .Set("RegistryValueName", Pick(["Updater", "OneDrive", "DisableAntiSpyware", "Start"]))
           .Set("RegistryValueData", Pick([@"C:\ProgramData\upd.exe", "1", "0", @"C:\Program Files\OneDrive\OneDrive.exe"]));
    }

    private void LogonEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        var failed = _random.Next(4) == 0;
        SetDeviceHeader(row, device, time, failed ? "LogonFailed" : "LogonSuccess");
        SetInitiatingProcess(row, device, time, "SYSTEM");
        row.Set("LogonType", Pick(["Interactive", "Network", "RemoteInteractive", "Service"])).Set("AccountName", Pick(_spec.UserNames))
           .Set("AccountDomain", "contoso").Set("Protocol", Pick(["Kerberos", "NTLM", "Negotiate"]))
           .Set("FailureReason", failed ? Pick(["InvalidUserNameOrPassword", "AccountLocked"]) : "").Set("IsLocalAdmin", _random.Next(3) == 0)
           .Set("LogonId", (long)_random.Next(1000, 999_999)).Set("RemoteIP", Pick(DemoCatalog.RemoteIps)).Set("RemotePort", _random.Next(1024, 65535))
           .Set("RemoteDeviceName", _random.Next(2) == 0 ? Pick(_spec.Devices).DeviceName : "");
    }

    private void ImageLoadEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        var dll = Pick(DemoCatalog.Dlls);
        SetDeviceHeader(row, device, time, "ImageLoaded");
        SetFile(row, dll, @"C:\Windows\System32\");
        SetInitiatingProcess(row, device, time, Pick(_spec.UserNames));
        row.Set("FileSize", (long)_random.Next(50_000, 3_000_000));
    }

    private void DeviceEvent(TableInserter row)
    {
        var device = PickDevice();
        var time = EventTime(device);
        var action = Pick(DemoCatalog.DeviceEventTypes);
        SetDeviceHeader(row, device, time, action);
        SetInitiatingProcess(row, device, time, Pick(_spec.UserNames));
        var fields = action switch
        {
            "PowerShellCommand" => $$"""{"Command":"{{Pick(DemoCatalog.PowerShellCommands)}}"}""",
            "AntivirusDetection" => $$"""{"ThreatName":"{{Pick(DemoCatalog.ThreatNames)}}","WasRemediated":{{(_random.Next(2) == 0 ? "true" : "false")}}}""",
            "UsbDriveMounted" => """{"DriveLetter":"E:","ProductName":"USB Flash"}""",
            _ => null,
        };
        var fileName = Pick(DemoCatalog.FileNames);
        SetFile(row, fileName, @"C:\Users\Public\");
        row.Set("AdditionalFields", fields).Set("AccountName", Pick(_spec.UserNames)).Set("RemoteUrl", action.StartsWith("Exploit", StringComparison.Ordinal) ? "malicious.example" : "");
    }

    private void Certificate(TableInserter row, string fileName)
    {
        var device = _spec.Devices[0];
        var signed = fileName is not ("mshta.exe" or "vaultcli.dll");
        row.Set("Timestamp", _spec.Now.UtcDateTime.AddDays(-1)).Set("DeviceId", device.DeviceId).Set("DeviceName", device.DeviceName)
           .Set("SHA1", Hash(fileName, 40)).Set("IsSigned", signed).Set("SignatureType", signed ? "Embedded" : "")
           .Set("Signer", signed ? "Microsoft Corporation" : "").Set("Issuer", signed ? "Microsoft Code Signing PCA 2011" : "")
           .Set("IsTrusted", signed).Set("IsRootSignerMicrosoft", signed).Set("CertificateSerialNumber", Hash("serial" + fileName, 16))
           .Set("CertificateExpirationTime", _spec.Now.UtcDateTime.AddDays(200)).Set("CrlDistributionPointUrls", """["http://crl.microsoft.com/pki"]""")
           .Set("ReportId", ++_reportId);
    }
}
