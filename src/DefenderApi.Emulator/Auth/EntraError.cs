using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Auth;

/// <summary>
/// Token endpoint failures in Entra ID's own shape (see docs/auth.md), not the MDE envelope: clients such as MSAL and
/// Azure.Identity parse this shape. This is the only place that writes it.
/// </summary>
/// <param name="Status">HTTP status (400 or 401).</param>
/// <param name="Error">OAuth error, e.g. <c>invalid_client</c>.</param>
/// <param name="Code">The AADSTS number.</param>
/// <param name="Description">The description after the AADSTS prefix.</param>
internal sealed record EntraError(int Status, string Error, int Code, string Description)
{
    /// <summary>Unknown tenant (AADSTS90002).</summary>
    public static EntraError UnknownTenant(string tenant) =>
        new(400, "invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    /// <summary>Unknown client (AADSTS700016).</summary>
    public static EntraError UnknownClient(string clientId, string tenant) =>
        new(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{tenant}'.");

    /// <summary>Wrong secret (AADSTS7000215).</summary>
    public static EntraError InvalidSecret(string clientId) =>
        new(401, "invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");

    /// <summary>Client credentials without a secret (AADSTS7000218).</summary>
    public static EntraError MissingClientSecret() =>
        new(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    /// <summary>Bad v2 scope (AADSTS70011).</summary>
    public static EntraError InvalidScope(string? scope) =>
        new(400, "invalid_scope", 70011, $"The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid: '{scope}'.");

    /// <summary>Named scopes in a client-credentials request (AADSTS1002012).</summary>
    public static EntraError ClientCredentialsNeedDefaultScope(string? scope) =>
        new(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    /// <summary>Wrong user name or password (AADSTS50126).</summary>
    public static EntraError InvalidCredentials() =>
        new(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");

    /// <summary>Unknown user (AADSTS50034).</summary>
    public static EntraError UnknownUser(string username, string tenant) =>
        new(400, "invalid_grant", 50034, $"The user account {username} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.");

    /// <summary>Delegated permissions the app is not consented for (AADSTS65001).</summary>
    public static EntraError ConsentRequired(string clientId) =>
        new(400, "invalid_grant", 65001, $"The user or administrator has not consented to use the application with ID '{clientId}' named '{clientId}'. Send an interactive authorization request for this user and resource.");

    /// <summary>Unknown v1 resource (AADSTS500011).</summary>
    public static EntraError InvalidResource(string? resource, string tenant) =>
        new(400, "invalid_resource", 500011, $"The resource principal named {resource} was not found in the tenant named {tenant}.");

    /// <summary>Unsupported grant type (AADSTS70003).</summary>
    public static EntraError UnsupportedGrant(string? grantType) =>
        new(400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.");

    /// <summary>Missing parameter (AADSTS900144).</summary>
    public static EntraError MissingParameter(string name) =>
        new(400, "invalid_request", 900144, $"The request body must contain the following parameter: '{name}'.");

    /// <summary>Writes the error.</summary>
    /// <param name="time">The clock.</param>
    public Task WriteAsync(HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var trace = Guid.NewGuid().ToString();
        var correlation = Guid.NewGuid().ToString();
        var body = new EntraErrorBody(
            Error,
            $"AADSTS{Code}: {Description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {now:yyyy-MM-dd HH:mm:ssZ}",
            [Code],
            now.ToString("yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            trace,
            correlation);
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, AuthJsonContext.Default.EntraErrorBody, context.RequestAborted);
    }
}

/// <summary>The JSON body of an Entra error.</summary>
internal sealed record EntraErrorBody(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription,
    [property: JsonPropertyName("error_codes")] int[] ErrorCodes,
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("trace_id")] string TraceId,
    [property: JsonPropertyName("correlation_id")] string CorrelationId);

/// <summary>A successful token answer.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("ext_expires_in")] int ExtExpiresIn,
    [property: JsonPropertyName("access_token")] string AccessToken);

[JsonSerializable(typeof(EntraErrorBody))]
[JsonSerializable(typeof(TokenResponse))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
