using System.Net;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Admin;

public sealed class SettingsTests : IClassFixture<EmulatorFactory>
{
    private const string Defaults = """{"machineActions":{"mode":"timed","seconds":5},"rateLimits":{"enabled":true,"scale":1},"pageSizes":{}}""";
    private readonly EmulatorFactory _factory;

    public SettingsTests(EmulatorFactory factory) => _factory = factory;

    [Fact]
    public async Task Settings_PartialPut_ChangesOnlyWhatItNames_AndAnswersEverySetting()
    {
        using var admin = await _factory.CreateReadyClientAsync();
        try
        {
            using var initial = await admin.GetAsync("/_emulator/settings");
            Assert.Equal(Defaults, await initial.Content.ReadAsStringAsync());

            using var scaled = await PutAsync(admin, """{"rateLimits":{"scale":0.5}}""");
            Assert.Equal("""{"machineActions":{"mode":"timed","seconds":5},"rateLimits":{"enabled":true,"scale":0.5},"pageSizes":{}}""", await scaled.Content.ReadAsStringAsync());

            using var manual = await PutAsync(admin, """{"machineActions":{"mode":"manual"}}""");
            Assert.Equal("""{"machineActions":{"mode":"manual","seconds":5},"rateLimits":{"enabled":true,"scale":0.5},"pageSizes":{}}""", await manual.Content.ReadAsStringAsync());
        }
        finally
        {
            using var restored = await PutAsync(admin, """{"machineActions":{"mode":"timed","seconds":5},"rateLimits":{"enabled":true,"scale":1.0}}""");
            Assert.Equal(Defaults, await restored.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("""{"machineActions":{"mode":"Timed"}}""", "Invalid input 'Timed' for machineActions.mode; expected immediate, timed or manual.")]
    [InlineData("""{"machineActions":{"seconds":-1}}""", "Invalid input '-1' for machineActions.seconds; expected an integer from 0 to 86400.")]
    [InlineData("""{"rateLimits":{"scale":0}}""", "Invalid input '0' for rateLimits.scale; expected a number greater than 0 and at most 1000.")]
    [InlineData("""{"pageSizes":{"Alerts":0}}""", "Invalid input '0' for pageSizes.Alerts; expected an integer from 1 to 10000, or null.")]
    [InlineData("""{"pageSizes":{"machines":10001}}""", "Invalid input '10001' for pageSizes.Machines; expected an integer from 1 to 10000, or null.")]
    [InlineData("""{"pageSizes":{"Alerts":50,"Incidentz":5}}""", "Invalid input 'Incidentz' for pageSizes; expected the name of an OData collection, e.g. Alerts or Machines.")]
    public async Task Settings_InvalidValue_Returns400_InvalidInput_AndChangesNothing(string body, string message)
    {
        using var admin = await _factory.CreateReadyClientAsync();

        using var response = await PutAsync(admin, body);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
        using var after = await admin.GetAsync("/_emulator/settings");
        Assert.Equal(Defaults, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Settings_PageSizes_AreSetByCollectionName_AndNullRestoresTheDocumentedSize()
    {
        using var admin = await _factory.CreateReadyClientAsync();
        try
        {
            using var set = await PutAsync(admin, """{"pageSizes":{"alerts":50,"Machines":100}}""");
            Assert.Equal(
                """{"machineActions":{"mode":"timed","seconds":5},"rateLimits":{"enabled":true,"scale":1},"pageSizes":{"Alerts":50,"Machines":100}}""",
                await set.Content.ReadAsStringAsync());

            using var restored = await PutAsync(admin, """{"pageSizes":{"Machines":null}}""");
            Assert.Equal(
                """{"machineActions":{"mode":"timed","seconds":5},"rateLimits":{"enabled":true,"scale":1},"pageSizes":{"Alerts":50}}""",
                await restored.Content.ReadAsStringAsync());
        }
        finally
        {
            using var cleared = await PutAsync(admin, """{"pageSizes":{"Alerts":null}}""");
            Assert.Equal(Defaults, await cleared.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Settings_UnknownMember_Returns400_InvalidRequestBody()
    {
        using var admin = await _factory.CreateReadyClientAsync();

        using var response = await PutAsync(admin, """{"rateLimit":{"enabled":false}}""");

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient admin, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await admin.PutAsync("/_emulator/settings", content);
    }
}
