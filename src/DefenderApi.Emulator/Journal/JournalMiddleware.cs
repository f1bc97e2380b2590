using DefenderApi.Emulator.Errors;
using DefenderApi.Emulator.Tenancy;

namespace DefenderApi.Emulator.Journal;

/// <summary>Marks an exchange whose answer was injected by fault injection, so it never passes for real behaviour.</summary>
public sealed record InjectedFault(string RuleId);

/// <summary>Records every exchange on <c>/api</c>, <c>/_emulator</c> and the token endpoints in the journal.</summary>
public sealed class JournalMiddleware(RequestDelegate next, ExchangeJournal journal, TimeProvider time)
{
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
            journal.Record(new JournalEntry(
                arrived,
                context.Request.Method,
                path,
                context.Request.QueryString.Value ?? string.Empty,
                context.Response.StatusCode,
                context.Features.Get<WrittenError>()?.Body,
                time.GetElapsedTime(started).TotalMilliseconds,
                caller?.TenantId,
                caller?.ClientId,
                context.Features.Get<InjectedFault>() is not null));
        }
    }
}
