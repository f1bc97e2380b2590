using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;

namespace DefenderApi.Emulator.Errors;

/// <summary>What the error writer wrote on this exchange; the journal reads it.</summary>
/// <param name="Error">The error.</param>
/// <param name="Body">The envelope's error object as sent.</param>
internal sealed record WrittenError(DefenderError Error, ErrorBody Body);

/// <summary>
/// The one place that writes error answers: status from the catalogue, the envelope, a fresh GUID target.
/// Handlers, validation, binding, routing, auth, throttling, fault injection and unhandled exceptions all end here.
/// </summary>
internal sealed class ErrorWriter
{
    /// <summary>The content type of every answer.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Writes <paramref name="error"/> as the response. The response must not have started.</summary>
    /// <param name="error">The error.</param>
    /// <returns>A task that completes when written.</returns>
    public static Task WriteAsync(HttpContext context, DefenderError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);

        var body = new ErrorBody(error.Code.Value, error.Message, Guid.NewGuid().ToString());
        context.Features.Set(new WrittenError(error, body));

        var response = context.Response;
        response.StatusCode = error.Status;
        response.ContentType = JsonContentType;
        if (error.Status == StatusCodes.Status401Unauthorized && !response.Headers.ContainsKey("WWW-Authenticate"))
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        var bytes = ErrorEnvelopeSerializer.ToUtf8Bytes(new ErrorEnvelope(body));
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
