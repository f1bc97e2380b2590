using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DefenderApi.Emulator.Tests.Infrastructure;

namespace DefenderApi.Emulator.Tests.Binding;

/// <summary>
/// Bodies a hostile client sends: invalid Unicode inside a typed value, null list items, broken multipart. Each once
/// answered 500; every one is a 400 envelope naming what is wrong.
/// </summary>
public sealed class MalformedBodyTests : IClassFixture<MalformedBodyTests.Factory>
{
    private const string Machine = TestMachines.Windows11;
    private readonly Factory _factory;

    public MalformedBodyTests(Factory factory) => _factory = factory;

    public sealed class Factory : EmulatorFactory
    {
        private readonly SemaphoreSlim _loaded = new(1, 1);
        private bool _done;

        public async Task<HttpClient> ClientWithMachinesAsync()
        {
            await _loaded.WaitAsync();
            try
            {
                if (!_done)
                {
                    await TestMachines.LoadStandardAsync(this);
                    _done = true;
                }
            }
            finally
            {
                _loaded.Release();
            }

            return await CreateApiClientAsync();
        }
    }

    public static TheoryData<string, string, string> LoneSurrogates => new()
    {
        { "POST", $"/api/machines/{Machine}/runAntiVirusScan", """{"Comment":"c","ScanType":"Quick\ud800"}""" },
        { "POST", "/api/indicators/BatchDelete", """{"IndicatorIds":"\udfff"}""" },
        { "POST", $"/api/machines/{Machine}/isolate", """{"Comment":"c","IsolationType":"Full\udfff"}""" },
        { "POST", $"/api/machines/{Machine}/tags", """{"Value":"t","Action":"Add\ud800"}""" },
        { "POST", $"/api/machines/{Machine}/setDeviceValue", """{"DeviceValue":"\ud800"}""" },
        { "PATCH", $"/api/machines/{Machine}", """{"deviceValue":"High\ud800"}""" },
        { "POST", "/api/indicators", """{"indicatorValue":"a","indicatorType":"FileSha1\ud800","action":"Alert","title":"t","description":"d"}""" },
        { "POST", "/api/indicators/import", """{"Indicators":[{"indicatorValue":"a","indicatorType":"Url","action":"Alert\ud800","title":"t","description":"d"}]}""" },
        { "POST", "/api/alerts/batchUpdate", """{"AlertIds":["a"],"Status":"Resolved\ud800"}""" },
        { "POST", "/api/machines/AddOrRemoveTagForMultipleMachines", """{"Value":"t","Action":"Remove\udfff","MachineIds":["x"]}""" },
        { "POST", "/api/indicators", """{"indicatorValue":"\ud800","indicatorType":"Url","action":"Alert","title":"t","description":"d"}""" },
        { "POST", "/api/indicators", """{"\ud800":1}""" },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task LoneSurrogateInAnyValue_Returns400Envelope_NotA500(string method, string path, string json)
    {
        using var client = await _factory.ClientWithMachinesAsync();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

        var error = await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
        Assert.Contains("not valid Unicode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidUtf8BytesInAnEnumValue_Returns400InvalidRequestBody()
    {
        using var client = await _factory.ClientWithMachinesAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"Comment":"c","IsolationType":"X"}""").ToList();
        var at = bytes.LastIndexOf((byte)'X');
        bytes.RemoveAt(at);
        bytes.InsertRange(at, new byte[] { 0xC3, 0x28 });
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync($"/api/machines/{Machine}/isolate", content);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }

    [Theory]
    [InlineData("/api/indicators/import", """{"Indicators":[null]}""", "Invalid input null for Indicators[0]; expected an object.")]
    [InlineData($"/api/machines/{Machine}/runliveresponse", """{"Comment":"c","Commands":[null]}""", "Invalid input null for Commands[0]; expected an object.")]
    [InlineData("/api/indicators/BatchDelete", """{"IndicatorIds":["1",null]}""", "Invalid input null for IndicatorIds[1]; expected a string.")]
    public async Task NullListItem_Returns400InvalidInput_NamingTheItem(string path, string json, string message)
    {
        using var client = await _factory.ClientWithMachinesAsync();
        using var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidInput", message);
    }

    public static TheoryData<string, byte[]> BrokenMultipart => new()
    {
        { "multipart/form-data", Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a.ps1\"\r\n\r\nabc\r\n--x--\r\n") },
        { "multipart/form-data; boundary=x", Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a.ps1\"\r\n\r\nabc") },
        { $"multipart/form-data; boundary={new string('b', 129)}", Encoding.ASCII.GetBytes($"--{new string('b', 129)}\r\n\r\nabc\r\n--{new string('b', 129)}--\r\n") },
        { "multipart/form-data; boundary=x", Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a\r\n.ps1\"\r\n\r\nabc\r\n--x--\r\n") },
    };

    [Theory]
    [MemberData(nameof(BrokenMultipart))]
    public async Task BrokenMultipartUpload_Returns400InvalidRequestBody(string contentType, byte[] body)
    {
        using var client = await _factory.ClientWithMachinesAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.PostAsync("/api/libraryfiles", content);

        await ErrorAssert.IsErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestBody");
    }
}
