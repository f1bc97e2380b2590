using DefenderApi.Errors;

namespace DefenderApi.Emulator.Journal;

/// <summary><c>GET /_emulator/journal</c>: by <c>target</c>, or the last N exchanges filtered by status, code, path, injected, method, tenant and app.</summary>
public static class JournalEndpoints
{
    private const int MaxLimit = 10_000;

    /// <summary>Maps the journal query on the admin group.</summary>
    /// <param name="admin">The admin group.</param>
    /// <returns>The endpoint.</returns>
    public static RouteHandlerBuilder MapJournal(this RouteGroupBuilder admin) => admin.MapGet("/journal", Query);

    private static IResult Query(
        ExchangeJournal journal,
        string? target,
        string? limit,
        int? status,
        string? code,
        string? path,
        bool? injected,
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
            throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{limit}' for limit; expected an integer from 1 to {MaxLimit}"));
        }

        return TypedResults.Ok(journal.Latest(count, e =>
            (status is null || e.Status == status) &&
            (code is null || string.Equals(e.Error?.Code, code, StringComparison.Ordinal)) &&
            (path is null || e.Path.Contains(path, StringComparison.OrdinalIgnoreCase)) &&
            (injected is null || e.Injected == injected) &&
            (method is null || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)) &&
            (tenantId is null || string.Equals(e.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)) &&
            (clientId is null || string.Equals(e.ClientId, clientId, StringComparison.Ordinal))));
    }
}
