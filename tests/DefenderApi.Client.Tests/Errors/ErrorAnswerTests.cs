using System.Globalization;
using System.Net;
using DefenderApi.Client.Tests.Infrastructure;
using DefenderApi.Errors;
using DefenderApi.Errors.Localization;

namespace DefenderApi.Client.Tests.Errors;

public sealed class ErrorAnswerTests
{
    public static TheoryData<string> Codes => [.. ErrorCatalogue.All.Select(d => d.Code.Value)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task EveryCatalogueCode_SurfacesAsTheException_WithStatusCodeMessageTargetAndBody(string code)
    {
        var status = ErrorCatalogue.StatusOf(code);
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });
        var body = StubTransport.Envelope(code, "The exact message", "9b1f0c5e-0000-4000-8000-000000000001");
        harness.Transport.Fallback = _ => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal(status, error.Status);
        Assert.Equal(new DefenderErrorCode(code), error.ErrorCode);
        Assert.Equal("The exact message", error.Message);
        Assert.Equal("9b1f0c5e-0000-4000-8000-000000000001", error.Target);
        Assert.Equal(body, error.RawBody);
        Assert.Equal(ErrorLocalizer.Describe(code, CultureInfo.CurrentUICulture), error.LocalizedDescription);
    }

    [Fact]
    public async Task TooManyRequests_CarriesRetryAfter_WhenRetriesAreExhausted()
    {
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });
        harness.Transport.ThenError("TooManyRequests", 429, configure: r => r.Headers.RetryAfter = new(TimeSpan.FromSeconds(42)));

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal(DefenderErrorCode.TooManyRequests, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
    }

    [Fact]
    public async Task ProxyHtml502_SurfacesAsTheException_WithRawBodyAndNoCode()
    {
        const string Html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        var harness = new ClientHarness(o => o.Retry = new DefenderRetryOptions { MaxRetries = 0 });
        harness.Transport.Then(HttpStatusCode.BadGateway, Html, "text/html");

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Null(error.Target);
        Assert.Null(error.LocalizedDescription);
        Assert.Equal(Html, error.RawBody);
        Assert.Contains("not an error envelope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCode_IsKeptExactlyAsItCame()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("SomethingNewFromMicrosoft", 400);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal("SomethingNewFromMicrosoft", error.ErrorCode?.Value);
        Assert.Null(error.LocalizedDescription);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("sv-SE")]
    [InlineData("zh-CN")]
    public async Task LocalizedDescription_FollowsCurrentUICulture(string cultureName)
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("ResourceNotFound", 404);
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var english = ErrorLocalizer.Describe(DefenderErrorCode.ResourceNotFound, CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            Assert.Equal(ErrorLocalizer.Describe(DefenderErrorCode.ResourceNotFound, culture), error.LocalizedDescription);
            Assert.NotEqual(english, error.LocalizedDescription);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("fr-FR", "La valeur de hachage 12ab n’est pas valide.")]
    [InlineData("en-US", "Hash value 12ab is invalid.")]
    public async Task LocalizeIn_FillsTheCulturesTemplate_WithTheServicesValues(string cultureName, string expected)
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InvalidHashValue", 400, message: "Hash value 12ab is invalid.");

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Equal(expected, error.LocalizeIn(CultureInfo.GetCultureInfo(cultureName)));
    }

    [Fact]
    public async Task LocalizeIn_OfAMessageOutsideTheTemplate_IsNull()
    {
        var harness = new ClientHarness();
        harness.Transport.ThenError("InvalidHashValue", 400, message: "something the template does not say");

        var error = await Assert.ThrowsAsync<DefenderRequestFailedException>(() => harness.Client.GetMachineAsync("m1", TestContext.Current.CancellationToken));

        Assert.Null(error.LocalizeIn(CultureInfo.GetCultureInfo("fr-FR")));
    }
}
