using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Journal;

/// <summary>Marks an exchange whose answer was injected by fault injection, so it never passes for real behaviour.</summary>
public sealed record InjectedFault(string RuleId);

/// <summary>Records every exchange on <c>/api</c>, <c>/_emulator</c> and the token endpoints in the journal.</summary>
public sealed class JournalMiddleware(RequestDelegate next, ExchangeJournal journal, TimeProvider time)
{
    /// <summary>
    /// The most characters of a path, query, method or error message an entry keeps: the journal holds thousands of
    /// entries (10,000 by default), and a hostile client sends 60 KB request lines; the target still finds the exchange.
    /// At 512 a full journal of such requests holds about 30 MB of text (it held up to 120 MB at 2,048).
    /// </summary>
    public const int MaxRecordedChars = 512;

    /// <summary>Runs the rest of the pipeline, then records the exchange.</summary>
    /// <param name="context">The exchange.</param>
    /// <returns>A task.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        var arrived = time.GetUtcNow();
        var started = time.GetTimestamp();
        var path = context.Request.Path.Value ?? string.Empty;
        try
        {
            await next(context);
        }
        finally
        {
            var caller = CallerIdentity.From(context.User);
            var error = context.Features.Get<WrittenError>()?.Body;
            journal.Record(new JournalEntry(
                arrived,
                Bounded(context.Request.Method),
                Bounded(path),
                Bounded(context.Request.QueryString.Value ?? string.Empty),
                context.Response.StatusCode,
                error is null || error.Message.Length <= MaxRecordedChars ? error : error with { Message = Bounded(error.Message) },
                time.GetElapsedTime(started).TotalMilliseconds,
                caller?.TenantId,
                caller?.ClientId,
                context.Features.Get<InjectedFault>() is not null));
        }
    }

    private static string Bounded(string text) => text.Length <= MaxRecordedChars ? text : $"{text[..MaxRecordedChars]}…";
}
