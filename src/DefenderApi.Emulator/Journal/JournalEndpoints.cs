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
            (clientId is null || string.Equals(e.ClientId, clientId, StringComparison.Ordinal))));
    }

    private static DefenderErrorException Invalid(string value, string name, string expected) =>
        new(DefenderErrors.InvalidInput($"'{value}' for {name}; expected {expected}"));
}
