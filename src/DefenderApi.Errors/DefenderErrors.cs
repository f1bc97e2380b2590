namespace DefenderApi.Errors;

/// <summary>Factories for the errors with structured placeholders, so callers never misspell a placeholder name.</summary>
public static class DefenderErrors
{
    /// <summary>400 BadRequest with a free-text reason.</summary>
    /// <param name="reason">What was wrong.</param>
    /// <returns>The error.</returns>
    public static DefenderError BadRequest(string reason) => DefenderError.With(DefenderErrorCode.BadRequest, "reason", reason);

    /// <summary>400 ODataError naming the specific fault.</summary>
    /// <param name="error">The specific fault, e.g. <c>Property 'foo' is not filterable.</c>.</param>
    /// <returns>The error.</returns>
    public static DefenderError OData(string error) => DefenderError.With(DefenderErrorCode.ODataError, "error", error);

    /// <summary>400 InvalidInput naming the bad value.</summary>
    /// <param name="input">The bad value, with the parameter it was given for.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidInput(string input) => DefenderError.With(DefenderErrorCode.InvalidInput, "input", input);

    /// <summary>400 InvalidRequestBody; the documented message is <c>Request body is incorrect</c>.</summary>
    /// <param name="reason">The reason, or <see langword="null"/> for the documented message.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidRequestBody(string? reason = null) =>
        DefenderError.With(DefenderErrorCode.InvalidRequestBody, "reason", reason is null ? "Request body is incorrect" : $"Request body is incorrect: {reason}");

    /// <summary>400 InvalidHashValue.</summary>
    /// <param name="hash">The bad hash.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidHash(string hash) => DefenderError.With(DefenderErrorCode.InvalidHashValue, "hash", hash);

    /// <summary>400 InvalidDomainName.</summary>
    /// <param name="domain">The bad domain.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidDomain(string domain) => DefenderError.With(DefenderErrorCode.InvalidDomainName, "domain", domain);

    /// <summary>400 InvalidIpAddress.</summary>
    /// <param name="ip">The bad address.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidIp(string ip) => DefenderError.With(DefenderErrorCode.InvalidIpAddress, "ip", ip);

    /// <summary>400 InvalidUrl.</summary>
    /// <param name="url">The bad URL.</param>
    /// <returns>The error.</returns>
    public static DefenderError InvalidUrl(string url) => DefenderError.With(DefenderErrorCode.InvalidUrl, "url", url);

    /// <summary>400 MaximumBatchSizeExceeded.</summary>
    /// <param name="received">Items received.</param>
    /// <param name="allowed">Items allowed.</param>
    /// <returns>The error.</returns>
    public static DefenderError BatchTooLarge(int received, int allowed) =>
        DefenderError.With(DefenderErrorCode.MaximumBatchSizeExceeded, "received", received, "allowed", allowed);

    /// <summary>400 MissingRequiredParameter.</summary>
    /// <param name="parameter">The parameter name, in the case the API expects.</param>
    /// <returns>The error.</returns>
    public static DefenderError MissingParameter(string parameter) =>
        DefenderError.With(DefenderErrorCode.MissingRequiredParameter, "parameter", parameter);

    /// <summary>400 OsPlatformNotSupported.</summary>
    /// <param name="platform">The device's OS platform.</param>
    /// <returns>The error.</returns>
    public static DefenderError OsPlatformNotSupported(string platform) =>
        DefenderError.With(DefenderErrorCode.OsPlatformNotSupported, "platform", platform);

    /// <summary>400 ClientVersionNotSupported.</summary>
    /// <param name="action">The requested action.</param>
    /// <param name="version">The minimum client version.</param>
    /// <returns>The error.</returns>
    public static DefenderError ClientVersionNotSupported(string action, string version) =>
        DefenderError.With(DefenderErrorCode.ClientVersionNotSupported, "action", action, "version", version);

    /// <summary>401 Unauthorized with the cause.</summary>
    /// <param name="reason">Why the token was refused.</param>
    /// <returns>The error.</returns>
    public static DefenderError Unauthorized(string reason) => DefenderError.With(DefenderErrorCode.Unauthorized, "reason", reason);

    /// <summary>403 Forbidden with the missing permission.</summary>
    /// <param name="reason">What permission was missing.</param>
    /// <returns>The error.</returns>
    public static DefenderError Forbidden(string reason) => DefenderError.With(DefenderErrorCode.Forbidden, "reason", reason);

    /// <summary>403 DisabledFeature.</summary>
    /// <param name="feature">The feature that is off.</param>
    /// <returns>The error.</returns>
    public static DefenderError DisabledFeature(string feature) => DefenderError.With(DefenderErrorCode.DisabledFeature, "feature", feature);

    /// <summary>403 DisallowedOperation with the operation and the reason.</summary>
    /// <param name="reason">The operation and why it is not allowed.</param>
    /// <returns>The error.</returns>
    public static DefenderError DisallowedOperation(string reason) =>
        DefenderError.With(DefenderErrorCode.DisallowedOperation, "reason", reason);

    /// <summary>404 NotFound.</summary>
    /// <param name="reason">What was not found.</param>
    /// <returns>The error.</returns>
    public static DefenderError NotFound(string reason) => DefenderError.With(DefenderErrorCode.NotFound, "reason", reason);

    /// <summary>404 ResourceNotFound, e.g. <c>Machine 123 was not found</c>.</summary>
    /// <param name="entity">The entity name.</param>
    /// <param name="id">The id that was asked for.</param>
    /// <returns>The error.</returns>
    public static DefenderError ResourceNotFound(string entity, object id) =>
        DefenderError.With(DefenderErrorCode.ResourceNotFound, "entity", entity, "id", id);

    /// <summary>500 InternalServerError (empty message).</summary>
    /// <returns>The error.</returns>
    public static DefenderError Internal() => new(DefenderErrorCode.InternalServerError);

    /// <summary>429 TooManyRequests with the limit that was hit.</summary>
    /// <param name="reason">Which quota was reached.</param>
    /// <returns>The error.</returns>
    public static DefenderError TooManyRequests(string reason) => DefenderError.With(DefenderErrorCode.TooManyRequests, "reason", reason);

    /// <summary>400 ActiveRequestAlreadyExists.</summary>
    /// <param name="reason">Which action is already running.</param>
    /// <returns>The error.</returns>
    public static DefenderError ActiveRequestAlreadyExists(string reason) =>
        DefenderError.With(DefenderErrorCode.ActiveRequestAlreadyExists, "reason", reason);

    /// <summary>405 MethodNotAllowed.</summary>
    /// <param name="method">The HTTP method used.</param>
    /// <param name="path">The path.</param>
    /// <returns>The error.</returns>
    public static DefenderError MethodNotAllowed(string method, string path) =>
        DefenderError.With(DefenderErrorCode.MethodNotAllowed, "method", method, "path", path);
}
