using System.Text.Json;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.DropIn;

/// <summary>
/// Real clients outside .NET's test process, with unchanged code that names only Microsoft's hosts, sent to the
/// emulator by the proxy variables and trust in its root: curl, Debian's MSAL for Python with requests, PowerShell's
/// Invoke-RestMethod. Each exchange lands in the emulator's journal like a direct call.
/// </summary>
public sealed class OutsideClientTests(DropInFactory emulator) : IClassFixture<DropInFactory>
{
    private static readonly string TokenUrl = $"https://login.microsoftonline.com/{DefaultTenant.TenantId}/oauth2/v2.0/token";

    private Task<ToolRun> CurlAsync(params string[] arguments) =>
        OutsideTool.RunAsync(OutsideTool.Curl, ["-sS", "--proxy", emulator.ProxyUri.ToString(), .. arguments], new Dictionary<string, string?>());

    [Fact]
    public async Task Curl_ThroughTheProxy_TrustingTheRoot_GetsATokenAndCallsTheApi()
    {
        await emulator.StartAsync();

        var token = await CurlAsync("--cacert", emulator.RootPath, "-X", "POST", TokenUrl,
            "-d", "grant_type=client_credentials", "-d", $"client_id={DefaultTenant.ClientId}", "-d", $"client_secret={DefaultTenant.ClientSecret}",
            "-d", "scope=https://api.securitycenter.microsoft.com/.default");
        Assert.True(token.ExitCode == 0, token.ToString());
        var accessToken = JsonDocument.Parse(token.Output).RootElement.GetProperty("access_token").GetString();
        var alerts = await CurlAsync("--cacert", emulator.RootPath, "-H", $"Authorization: Bearer {accessToken}", "https://api.security.microsoft.com/api/alerts");

        Assert.True(alerts.ExitCode == 0, alerts.ToString());
        Assert.Equal("https://api.security.microsoft.com/api/$metadata#Alerts", JsonDocument.Parse(alerts.Output).RootElement.GetProperty("@odata.context").GetString());
        var journal = await emulator.JournalAsync(10);
        Assert.Contains("\"path\":\"/api/alerts\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Curl_WithoutTheRoot_RefusesTheEmulatorsCertificate()
    {
        await emulator.StartAsync();

        var run = await CurlAsync("https://api.securitycenter.microsoft.com/api/machines");

        Assert.Equal(60, run.ExitCode); // CURLE_PEER_FAILED_VERIFICATION: the chain is checked for real
    }

    [Fact]
    public async Task Curl_ToAHostTheEmulatorDoesNotServe_IsRefusedWith502()
    {
        await emulator.StartAsync();

        var run = await CurlAsync("--cacert", emulator.RootPath, "https://www.example.com/");

        Assert.Equal(56, run.ExitCode); // CURLE_RECV_ERROR: the proxy refused the tunnel
        Assert.Contains("502", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PythonMsal_WithTheDefaultAuthority_AndRequests_ReachTheEmulatorThroughTheProxy()
    {
        var python = await OutsideTool.PythonWithMsalAsync();
        await emulator.LoadMachinesAsync();

        var run = await OutsideTool.RunAsync(python, [OutsideTool.Script("msal_default_hosts.py")], OutsideTool.ProxyEnvironment(emulator));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal("https://api.securitycenter.microsoft.com/api/$metadata#Machines", result.RootElement.GetProperty("context").GetString());
        Assert.Contains("lnx-01.contoso.com", result.RootElement.GetProperty("machines").EnumerateArray().Select(m => m.GetString()));
        var journal = await emulator.JournalAsync(10);
        Assert.Contains($"\"path\":\"/{DefaultTenant.TenantId}/oauth2/v2.0/token\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/api/machines\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PythonMsal_WithAnExplicitAuthorityOnANon443Port_GetsTheOpenIdMetadataAndATokenThere()
    {
        var python = await OutsideTool.PythonWithMsalAsync();
        await emulator.StartAsync();
        var environment = new Dictionary<string, string?> { ["REQUESTS_CA_BUNDLE"] = emulator.RootPath };

        var run = await OutsideTool.RunAsync(python, [OutsideTool.Script("msal_explicit_authority.py"), $"https://localhost:{emulator.HttpsUri.Port}"], environment);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"https://localhost:{emulator.HttpsUri.Port}/api/$metadata#Indicators", run.Output, StringComparison.Ordinal);
        Assert.Contains($"\"path\":\"/{DefaultTenant.TenantId}/v2.0/.well-known/openid-configuration\"", await emulator.JournalAsync(10), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PowerShell_InvokeRestMethod_WithATokenFromTheSignInHost_ReadsAlertsThroughTheProxy()
    {
        var pwsh = OutsideTool.PowerShell;
        await emulator.StartAsync();

        var run = await OutsideTool.RunAsync(pwsh, ["-NoProfile", "-NonInteractive", "-File", OutsideTool.Script("invoke_restmethod.ps1")], OutsideTool.ProxyEnvironment(emulator));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("https://api.securitycenter.microsoft.com/api/$metadata#Alerts", run.Output, StringComparison.Ordinal);
        var journal = await emulator.JournalAsync(10);
        Assert.Contains($"\"path\":\"/{DefaultTenant.TenantId}/oauth2/token\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/api/alerts\",\"query\":\"\",\"status\":200", journal, StringComparison.Ordinal);
    }
}
