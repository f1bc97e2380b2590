using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Journal;

/// <summary>Marks an exchange whose answer was injected by fault injection, so it never passes for real behaviour.</summary>
internal sealed record InjectedFault(string RuleId);

/// <summary>Records every exchange on <c>/api</c>, <c>/_emulator</c> and the token endpoints in the journal.</summary>
internal sealed class JournalMiddleware(RequestDelegate next, ExchangeJournal journal, TimeProvider time)
{
    /// <summary>
    /// The most characters of a path, query, method or error message an entry keeps: the journal holds thousands of
    /// entries (10,000 by default), and a hostile client sends 60 KB request lines; the target still finds the exchange.
    /// At 512 a full journal of such requests holds about 30 MB of text (it held up to 120 MB at 2,048).
    /// </summary>
    public const int MaxRecordedChars = 512;

    /// <summary>
    /// The most bytes of a request or response body an entry keeps. Every error exchange keeps its request, so a full
    /// journal of hostile requests held 10,000 bodies: at 4,096 the long fuzz run ended at 464 MB RSS after 100,000
    /// cases (the bound is 400 MB).
    /// </summary>
    public const int MaxRecordedBodyBytes = 2_048;

    /// <summary>
    /// The most characters of header names and values an entry keeps in all (each value is also cut at
    /// <see cref="MaxRecordedChars"/>): Kestrel admits 32 KB of headers, and a journal of 10,000 such requests would hold
    /// hundreds of megabytes. Headers past the budget are counted under the name <c>…</c>.
    /// </summary>
    public const int MaxRecordedHeaderChars = 4_096;

    /// <summary>The dashboard's own files, which are not exchanges with the emulated service.</summary>
    public const string DashboardPath = "/_emulator/ui";

    /// <summary>Runs the rest of the pipeline, then records the exchange.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var arrived = time.GetUtcNow();
        var started = time.GetTimestamp();
        var path = context.Request.Path.Value ?? string.Empty;
        if (path.StartsWith(DashboardPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // A CONNECT's body is a tunnel, not a message; it is journaled without one.
        var capture = !HttpMethods.IsConnect(context.Request.Method);
        var requestBody = capture ? new CapturingStream(context.Request.Body, MaxRecordedBodyBytes) : null;
        // The response is not wrapped: writers write to the response's pipe (decision 0004), and a stream in its place
        // would make every pipe write go through an adapter that flushes only on request. The one response body the
        // journal keeps, an error's, is the envelope the error writer recorded.
        var originalRequest = context.Request.Body;
        if (capture)
        {
            context.Request.Body = requestBody!;
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (requestBody is not null && context.Features.Get<WrittenError>() is not null)
            {
                await ExchangeCapture.ReadUnreadStartAsync(context, requestBody);
            }

            context.Request.Body = originalRequest;
            var caller = CallerIdentity.From(context.User);
            var error = context.Features.Get<WrittenError>()?.Body;
            journal.Record(new JournalEntry(
                arrived,
                Bounded(context.Request.Method),
                Bounded(path),
                Bounded(SecretMask.Text(context.Request.QueryString.Value ?? string.Empty)),
                context.Response.StatusCode,
                error is null || error.Message.Length <= MaxRecordedChars ? error : error with { Message = Bounded(error.Message) },
                time.GetElapsedTime(started).TotalMilliseconds,
                caller?.TenantId,
                caller?.ClientId,
                context.Features.Get<InjectedFault>() is not null)
            {
                // Only an error's exchange can be opened (by its target), so only errors keep headers and bodies.
                Request = requestBody is null || error is null ? null : ExchangeCapture.Request(context.Request, requestBody),
                Response = error is null ? null : ExchangeCapture.Response(context.Response, error),
            });
            requestBody?.Release();
        }
    }

    private static string Bounded(string text) => text.Length <= MaxRecordedChars ? text : $"{text[..MaxRecordedChars]}…";
}
