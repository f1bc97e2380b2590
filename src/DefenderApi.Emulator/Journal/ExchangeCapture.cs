using System.Buffers;
using DefenderApi.Errors.Envelope;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace DefenderApi.Emulator.Journal;

/// <summary>Turns what <see cref="CapturingStream"/> kept, and the headers, into an <see cref="ExchangeMessage"/> with secrets masked.</summary>
internal static class ExchangeCapture
{
    public static ExchangeMessage Request(HttpRequest request, CapturingStream body) =>
        new(Headers(request.Headers), Body(request.ContentType, body), body.Total > body.Count || request.ContentLength > body.Count);

    public static ExchangeMessage Response(HttpResponse response, ErrorBody error) =>
        new(Headers(response.Headers), SecretMask.Text(JsonSerializer.Serialize(new ErrorEnvelope(error))), false);

    /// <summary>
    /// An error answer often comes before the handler read the body (no token, a fault rule); the journal's entry
    /// should still show what was sent, so the first bytes are read now, while the request is still open.
    /// </summary>
    public static async Task ReadUnreadStartAsync(HttpContext context, CapturingStream body)
    {
        if (body.Count > 0 || body.ReachedEnd || context.Request.ContentLength is 0 || context.RequestAborted.IsCancellationRequested
            || (context.Request.ContentLength is null && !context.Request.Headers.TransferEncoding.Any()))
        {
            return;
        }

        // The stream keeps its own copy; this buffer only drives the reads.
        var buffer = ArrayPool<byte>.Shared.Rent(JournalMiddleware.MaxRecordedBodyBytes);
        try
        {
            while (body.Count < JournalMiddleware.MaxRecordedBodyBytes
                && await body.ReadAsync(buffer.AsMemory(0, JournalMiddleware.MaxRecordedBodyBytes - body.Count), context.RequestAborted) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException or BadHttpRequestException)
        {
            // The body was already consumed or the client went away: the entry keeps what was seen.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Dictionary<string, string> Headers(IHeaderDictionary headers)
    {
        var result = new Dictionary<string, string>(Math.Min(headers.Count, 32), StringComparer.OrdinalIgnoreCase);
        var budget = JournalMiddleware.MaxRecordedHeaderChars;
        var dropped = 0;
        foreach (var (name, values) in headers)
        {
            var value = Bounded(SecretMask.Header(name, StringValues.IsNullOrEmpty(values) ? string.Empty : values.ToString()));
            var cost = Math.Min(name.Length, JournalMiddleware.MaxRecordedChars) + value.Length;
            if (cost > budget)
            {
                dropped++;
                continue;
            }

            budget -= cost;
            result[Bounded(name)] = value;
        }

        if (dropped > 0)
        {
            result["…"] = $"{dropped} more header(s) not kept";
        }

        return result;
    }

    private static string Body(string? contentType, CapturingStream body)
    {
        if (body.Total == 0)
        {
            return string.Empty;
        }

        if (!IsText(contentType))
        {
            return $"({body.Total} bytes of {contentType})";
        }

        return SecretMask.Text(Encoding.UTF8.GetString(body.Kept));
    }

    private static bool IsText(string? contentType) => contentType is null
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string Bounded(string text) =>
        text.Length <= JournalMiddleware.MaxRecordedChars ? text : $"{text[..JournalMiddleware.MaxRecordedChars]}…";
}
