namespace DefenderApi.Errors.Tests;

public sealed class ErrorCatalogueTests
{
    /// <summary>The table of <see href="https://learn.microsoft.com/defender-endpoint/api/common-errors">Common Microsoft Defender for Endpoint API errors</see>, in page order, then the codes the page does not list.</summary>
    private static readonly (string Code, int Status, string Description, ErrorOrigin Origin)[] Expected =
    [
        ("BadRequest", 400, "General Bad Request error message.", ErrorOrigin.Documented),
        ("ODataError", 400, "Invalid OData URI query (the specific error is specified).", ErrorOrigin.Documented),
        ("InvalidInput", 400, "Invalid input {the invalid input}.", ErrorOrigin.Documented),
        ("InvalidRequestBody", 400, "Invalid request body.", ErrorOrigin.Documented),
        ("InvalidHashValue", 400, "Hash value {the invalid hash} is invalid.", ErrorOrigin.Documented),
        ("InvalidDomainName", 400, "Domain name {the invalid domain} is invalid.", ErrorOrigin.Documented),
        ("InvalidIpAddress", 400, "IP address {the invalid IP} is invalid.", ErrorOrigin.Documented),
        ("InvalidUrl", 400, "URL {the invalid URL} is invalid.", ErrorOrigin.Documented),
        ("MaximumBatchSizeExceeded", 400, "Maximum batch size exceeded. Received: {batch size received}, allowed: {batch size allowed}.", ErrorOrigin.Documented),
        ("MissingRequiredParameter", 400, "Parameter {the missing parameter} is missing.", ErrorOrigin.Documented),
        ("OsPlatformNotSupported", 400, "OS Platform {the client OS Platform} isn't supported for this action.", ErrorOrigin.Documented),
        ("ClientVersionNotSupported", 400, "{The requested action} is supported on client version {supported client version} and above.", ErrorOrigin.Documented),
        ("Unauthorized", 401, "Unauthorized (invalid or expired authorization header).", ErrorOrigin.Documented),
        ("Forbidden", 403, "Forbidden (valid token but insufficient permission for the action).", ErrorOrigin.Documented),
        ("DisabledFeature", 403, "Tenant feature isn't enabled.", ErrorOrigin.Documented),
        ("DisallowedOperation", 403, "{the disallowed operation and the reason}.", ErrorOrigin.Documented),
        ("NotFound", 404, "General Not Found error message.", ErrorOrigin.Documented),
        ("ResourceNotFound", 404, "Resource {the requested resource} wasn't found.", ErrorOrigin.Documented),
        ("TooManyRequests", 429, "Response represents reaching quota limit either by number of requests or by CPU.", ErrorOrigin.Documented),
        ("InternalServerError", 500, "(No error message, retry the operation.)", ErrorOrigin.Documented),
        ("ActiveRequestAlreadyExists", 400, "An action of the same type is already pending or in progress on the device.", ErrorOrigin.Observed),
        ("MethodNotAllowed", 405, "The resource exists but does not accept this HTTP method.", ErrorOrigin.Emulator),
    ];

    public static TheoryData<string> Codes => [.. ErrorCatalogue.All.Select(d => d.Code.Value)];

    [Fact]
    public void WireCodes_AreThePageCodesInPageOrder_ThenObservedThenEmulator()
    {
        var actual = ErrorCatalogue.All.Select(d => (d.Code.Value, d.Status, d.Description, d.Origin)).ToArray();

        Assert.Equal(Expected, actual);
    }

    [Fact]
    public void DocumentedCodes_AreExactlyTheTwentyOnThePage()
    {
        var documented = ErrorCatalogue.All.Where(d => d.Origin == ErrorOrigin.Documented).Select(d => d.Code.Value);

        Assert.Equal(Expected.Take(20).Select(e => e.Code), documented);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasAnErrorStatus_AnEnglishTemplate_AndADescription(string code)
    {
        var definition = ErrorCatalogue.Get(code);

        Assert.InRange(definition.Status, 400, 599);
        Assert.Equal(definition.Status, ErrorCatalogue.StatusOf(code));
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
        Assert.NotNull(definition.MessageTemplate);
        Assert.Equal(MessageTemplateFormatter.PlaceholdersOf(definition.MessageTemplate), definition.Placeholders);
    }

    [Fact]
    public void OnlyInternalServerError_HasAnEmptyMessage()
    {
        var empty = ErrorCatalogue.All.Where(d => d.MessageTemplate.Length == 0).Select(d => d.Code);

        Assert.Equal([DefenderErrorCode.InternalServerError], empty);
        Assert.Equal(string.Empty, DefenderErrors.Internal().Message);
    }

    [Fact]
    public void Lookup_IsCaseSensitive()
    {
        Assert.True(ErrorCatalogue.TryGet("ResourceNotFound", out _));
        Assert.False(ErrorCatalogue.TryGet("resourcenotfound", out _));
        Assert.Throws<KeyNotFoundException>(() => ErrorCatalogue.Get("RESOURCENOTFOUND"));
    }
}
