using System.Net.ServerSentEvents;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Journal;

/// <summary><c>GET /_emulator/journal</c>: by <c>target</c>, or the last N exchanges filtered by status, code, path, injected, method, tenant and app.</summary>
internal static class JournalEndpoints
{
    private const int MaxLimit = 10_000;

    /// <summary>Unread entries a slow stream reader may fall behind before it loses the oldest.</summary>
    private const int StreamBacklog = 1_000;

    /// <summary>Maps the journal query and its live stream on the admin group.</summary>
    public static RouteGroupBuilder MapJournal(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/journal", Query);
        admin.MapGet("/journal/stream", Stream)
            .Produces<JournalEntry>(StatusCodes.Status200OK, "text/event-stream");
        return admin;
    }

    /// <summary>
    /// <c>GET /_emulator/journal/stream</c>: server-sent events, one <c>exchange</c> event per exchange recorded from
    /// now on (the entry as the list answers it, its journal id as the event id), until the client disconnects.
    /// With <c>since</c> (a journal id), the entries after it still in the journal come first, so a client that
    /// listed the journal and then opens the stream misses nothing in between.
    /// </summary>
    private static IResult Stream(ExchangeJournal journal, HttpContext context, string? since)
    {
        long? after = since is null ? null
            : long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id
            : throw Invalid(since, "since", "a journal id (a whole number)");
        var live = journal.Subscribe(StreamBacklog, context.RequestAborted);
        var missed = after is { } last ? journal.Latest(MaxLimit, e => e.Id > last).Reverse().Select(e => e.Summary()).ToList() : [];
        return TypedResults.ServerSentEvents(Events(missed, live));
    }

    private static async IAsyncEnumerable<SseItem<JournalEntry>> Events(
        IReadOnlyList<JournalEntry> missed, IAsyncEnumerable<JournalEntry> live)
    {
        var last = 0L;
        foreach (var entry in missed)
        {
            last = entry.Id;
            yield return Event(entry);
        }

        await foreach (var entry in live)
        {
            if (entry.Id > last)
            {
                yield return Event(entry);
            }
        }
    }

    private static SseItem<JournalEntry> Event(JournalEntry entry) =>
        new(entry, "exchange") { EventId = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static IResult Query(
        ExchangeJournal journal,
        string? target,
        string? limit,
        string? status,
        string? code,
        string? path,
        string? injected,
        string? method,
        string? tenantId,
        string? clientId)
    {
        if (target is not null)
        {
            return journal.FindByTarget(target) is { } entry
                ? TypedResults.Ok(entry)
                : throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Journal entry with target", target));
        }

        var count = 100;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
        {
            throw Invalid(limit, "limit", $"an integer from 1 to {MaxLimit}");
        }

        int? statusCode = status is null ? null
            : int.TryParse(status, out var parsedStatus) && parsedStatus is >= 100 and <= 599 ? parsedStatus
            : throw Invalid(status, "status", "an HTTP status code from 100 to 599");
        bool? isInjected = injected is null ? null
            : bool.TryParse(injected, out var parsedInjected) ? parsedInjected
            : throw Invalid(injected, "injected", "true or false");

        return TypedResults.Ok(journal.Latest(count, e =>
            (statusCode is null || e.Status == statusCode) &&
            (code is null || string.Equals(e.Error?.Code, code, StringComparison.Ordinal)) &&
            (path is null || e.Path.Contains(path, StringComparison.OrdinalIgnoreCase)) &&
            (isInjected is null || e.Injected == isInjected) &&
            (method is null || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)) &&
            (tenantId is null || string.Equals(e.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)) &&
            (clientId is null || string.Equals(e.ClientId, clientId, StringComparison.Ordinal))).Select(e => e.Summary()).ToList());
    }

    private static DefenderErrorException Invalid(string value, string name, string expected) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {name}; expected {expected}"));
}
