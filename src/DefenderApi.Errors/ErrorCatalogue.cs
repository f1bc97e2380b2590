using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace DefenderApi.Errors;

/// <summary>
/// The one code → status → message table. Every error the emulator writes and every error the client
/// reads is interpreted through it.
/// </summary>
public static class ErrorCatalogue
{
    private static readonly ErrorDefinition[] Definitions =
    [
        new(DefenderErrorCode.BadRequest, 400, "{reason}", "General Bad Request error message.", ErrorOrigin.Documented),
        new(DefenderErrorCode.ODataError, 400, "Invalid OData URI query: {error}", "Invalid OData URI query (the specific error is specified).", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidInput, 400, "Invalid input {input}.", "Invalid input {the invalid input}.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidRequestBody, 400, "{reason}", "Invalid request body.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidHashValue, 400, "Hash value {hash} is invalid.", "Hash value {the invalid hash} is invalid.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidDomainName, 400, "Domain name {domain} is invalid.", "Domain name {the invalid domain} is invalid.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidIpAddress, 400, "IP address {ip} is invalid.", "IP address {the invalid IP} is invalid.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InvalidUrl, 400, "URL {url} is invalid.", "URL {the invalid URL} is invalid.", ErrorOrigin.Documented),
        new(DefenderErrorCode.MaximumBatchSizeExceeded, 400, "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.", "Maximum batch size exceeded. Received: {batch size received}, allowed: {batch size allowed}.", ErrorOrigin.Documented),
        new(DefenderErrorCode.MissingRequiredParameter, 400, "Parameter {parameter} is missing.", "Parameter {the missing parameter} is missing.", ErrorOrigin.Documented),
        new(DefenderErrorCode.OsPlatformNotSupported, 400, "OS Platform {platform} isn't supported for this action.", "OS Platform {the client OS Platform} isn't supported for this action.", ErrorOrigin.Documented),
        new(DefenderErrorCode.ClientVersionNotSupported, 400, "{action} is supported on client version {version} and above.", "{The requested action} is supported on client version {supported client version} and above.", ErrorOrigin.Documented),
        new(DefenderErrorCode.Unauthorized, 401, "Unauthorized ({reason}).", "Unauthorized (invalid or expired authorization header).", ErrorOrigin.Documented),
        new(DefenderErrorCode.Forbidden, 403, "Forbidden ({reason}).", "Forbidden (valid token but insufficient permission for the action).", ErrorOrigin.Documented),
        new(DefenderErrorCode.DisabledFeature, 403, "Tenant feature isn't enabled: {feature}.", "Tenant feature isn't enabled.", ErrorOrigin.Documented),
        new(DefenderErrorCode.DisallowedOperation, 403, "{reason}.", "{the disallowed operation and the reason}.", ErrorOrigin.Documented),
        new(DefenderErrorCode.NotFound, 404, "{reason}", "General Not Found error message.", ErrorOrigin.Documented),
        new(DefenderErrorCode.ResourceNotFound, 404, "{entity} {id} was not found", "Resource {the requested resource} wasn't found.", ErrorOrigin.Documented),
        new(DefenderErrorCode.TooManyRequests, 429, "{reason}", "Response represents reaching quota limit either by number of requests or by CPU.", ErrorOrigin.Documented),
        new(DefenderErrorCode.InternalServerError, 500, "", "(No error message, retry the operation.)", ErrorOrigin.Documented),
        new(DefenderErrorCode.ActiveRequestAlreadyExists, 400, "{reason}", "An action of the same type is already pending or in progress on the device.", ErrorOrigin.Observed),
        new(DefenderErrorCode.MethodNotAllowed, 405, "The HTTP method {method} is not allowed for {path}.", "The resource exists but does not accept this HTTP method.", ErrorOrigin.Emulator),
    ];

    private static readonly FrozenDictionary<string, ErrorDefinition> ByCode =
        Definitions.ToFrozenDictionary(d => d.Code.Value, StringComparer.Ordinal);

    /// <summary>Every known code, in the order of the documentation page (observed and emulator codes last).</summary>
    public static IReadOnlyList<ErrorDefinition> All => Definitions;

    /// <summary>Finds the definition of a code.</summary>
    /// <param name="code">The wire code (case-sensitive).</param>
    /// <param name="definition">The definition, when known.</param>
    /// <returns><see langword="true"/> when the code is in the catalogue.</returns>
    public static bool TryGet(DefenderErrorCode code, [NotNullWhen(true)] out ErrorDefinition? definition) =>
        ByCode.TryGetValue(code.Value, out definition);

    /// <summary>Gets the definition of a known code.</summary>
    /// <param name="code">The wire code.</param>
    /// <returns>Its definition.</returns>
    /// <exception cref="KeyNotFoundException">The code is not in the catalogue.</exception>
    public static ErrorDefinition Get(DefenderErrorCode code) =>
        TryGet(code, out var definition) ? definition : throw new KeyNotFoundException($"Unknown error code '{code}'.");

    /// <summary>The HTTP status a code is sent with.</summary>
    /// <param name="code">A known wire code.</param>
    /// <returns>The status.</returns>
    public static int StatusOf(DefenderErrorCode code) => Get(code).Status;
}
