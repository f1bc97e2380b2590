using System.Text;
using DefenderApi.Errors;
using DefenderApi.Errors.Envelope;

namespace DefenderApi.Client.Pipeline;

/// <summary>Reads an error answer into a <see cref="DefenderRequestFailedException"/>.</summary>
internal static class ErrorAnswer
{
    /// <summary>Builds the exception; the content is buffered so the answer can be read again.</summary>
    public static async Task<DefenderRequestFailedException> ToExceptionAsync(
        HttpResponseMessage response, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var raw = Encoding.UTF8.GetString(bytes);
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterHeader.Read(response, timeProvider);
        if (ErrorEnvelopeSerializer.TryParse(bytes, out var envelope))
        {
            var target = envelope.Error.Target.Length > 0 ? envelope.Error.Target : null;
            return new DefenderRequestFailedException(
                status, new DefenderErrorCode(envelope.Error.Code), envelope.Error.Message, target, retryAfter, raw);
        }

        var message = raw.Length == 0
            ? $"The service answered {status} ({response.ReasonPhrase}) without a body."
            : $"The service answered {status} ({response.ReasonPhrase}) with a body that is not an error envelope.";
        return new DefenderRequestFailedException(status, null, message, null, retryAfter, raw);
    }

    /// <summary>The envelope's target of an error answer, for logging; null when it has none.</summary>
    public static async Task<string?> ReadTargetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return ErrorEnvelopeSerializer.TryParse(bytes, out var envelope) ? envelope.Error.Target : null;
    }
}
