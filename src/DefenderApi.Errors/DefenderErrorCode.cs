namespace DefenderApi.Errors;

/// <summary>
/// An error code as it appears in the <c>error.code</c> property of an MDE error envelope.
/// Extensible: codes the catalogue does not know are kept exactly as they came.
/// </summary>
public readonly struct DefenderErrorCode : IEquatable<DefenderErrorCode>
{
    private readonly string? _value;

    /// <summary>Creates a code from its wire value.</summary>
    /// <param name="value">The code exactly as written on the wire (case-sensitive).</param>
    public DefenderErrorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The code exactly as written on the wire.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>General bad request (400).</summary>
    public static DefenderErrorCode BadRequest { get; } = new("BadRequest");
    /// <summary>Invalid OData URI query (400).</summary>
    public static DefenderErrorCode ODataError { get; } = new("ODataError");
    /// <summary>A value outside what the parameter accepts (400).</summary>
    public static DefenderErrorCode InvalidInput { get; } = new("InvalidInput");
    /// <summary>The request body cannot be read as the operation's body (400).</summary>
    public static DefenderErrorCode InvalidRequestBody { get; } = new("InvalidRequestBody");
    /// <summary>A malformed file hash (400).</summary>
    public static DefenderErrorCode InvalidHashValue { get; } = new("InvalidHashValue");
    /// <summary>A malformed domain name (400).</summary>
    public static DefenderErrorCode InvalidDomainName { get; } = new("InvalidDomainName");
    /// <summary>A malformed IP address (400).</summary>
    public static DefenderErrorCode InvalidIpAddress { get; } = new("InvalidIpAddress");
    /// <summary>A malformed URL (400).</summary>
    public static DefenderErrorCode InvalidUrl { get; } = new("InvalidUrl");
    /// <summary>A batch larger than the operation allows (400).</summary>
    public static DefenderErrorCode MaximumBatchSizeExceeded { get; } = new("MaximumBatchSizeExceeded");
    /// <summary>A required parameter is absent, or present in the wrong case (400).</summary>
    public static DefenderErrorCode MissingRequiredParameter { get; } = new("MissingRequiredParameter");
    /// <summary>The device's OS platform does not support the action (400).</summary>
    public static DefenderErrorCode OsPlatformNotSupported { get; } = new("OsPlatformNotSupported");
    /// <summary>The device's sensor version is too old for the action (400).</summary>
    public static DefenderErrorCode ClientVersionNotSupported { get; } = new("ClientVersionNotSupported");
    /// <summary>Missing, invalid or expired authorization header (401).</summary>
    public static DefenderErrorCode Unauthorized { get; } = new("Unauthorized");
    /// <summary>Valid token but insufficient permission (403).</summary>
    public static DefenderErrorCode Forbidden { get; } = new("Forbidden");
    /// <summary>The tenant feature is not enabled (403).</summary>
    public static DefenderErrorCode DisabledFeature { get; } = new("DisabledFeature");
    /// <summary>The operation is not allowed, with the reason (403).</summary>
    public static DefenderErrorCode DisallowedOperation { get; } = new("DisallowedOperation");
    /// <summary>General not found (404).</summary>
    public static DefenderErrorCode NotFound { get; } = new("NotFound");
    /// <summary>The requested resource was not found (404).</summary>
    public static DefenderErrorCode ResourceNotFound { get; } = new("ResourceNotFound");
    /// <summary>Transient server failure; retry (500).</summary>
    public static DefenderErrorCode InternalServerError { get; } = new("InternalServerError");
    /// <summary>Quota reached, by number of requests or by CPU (429).</summary>
    public static DefenderErrorCode TooManyRequests { get; } = new("TooManyRequests");
    /// <summary>An action of the same kind is already running on the device (400). Observed, not on the error page.</summary>
    public static DefenderErrorCode ActiveRequestAlreadyExists { get; } = new("ActiveRequestAlreadyExists");
    /// <summary>The path exists but not for this HTTP method (405). Chosen by the emulator; see docs/fidelity.md.</summary>
    public static DefenderErrorCode MethodNotAllowed { get; } = new("MethodNotAllowed");

    /// <inheritdoc />
    public bool Equals(DefenderErrorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DefenderErrorCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two codes by their wire value (ordinal).</summary>
    public static bool operator ==(DefenderErrorCode left, DefenderErrorCode right) => left.Equals(right);

    /// <summary>Compares two codes by their wire value (ordinal).</summary>
    public static bool operator !=(DefenderErrorCode left, DefenderErrorCode right) => !left.Equals(right);

    /// <summary>Wraps a wire value.</summary>
    public static implicit operator DefenderErrorCode(string value) => new(value);
}
