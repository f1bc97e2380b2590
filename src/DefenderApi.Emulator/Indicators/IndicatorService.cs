using System.Globalization;
using DefenderApi.Emulator.Identifiers;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DefenderApi.Emulator.Indicators;

/// <summary>Submits, imports and deletes indicators; one indicator per (type, value) in a tenant.</summary>
internal sealed class IndicatorService(EmulatorDbContext db, TimeProvider time, IOptions<IndicatorOptions> options, TenantWriteLocks locks, IndicatorExposure exposure)
{
    /// <summary>The write lock scope of every indicator writer, the admin loader included.</summary>
    public const string WriteScope = "indicators";

    private int MaxActive => options.Value.MaxActivePerTenant;

    /// <summary>The indicators the caller may see: all with <c>Ti.ReadWrite.All</c>, else its own application's.</summary>
    /// <returns>The query.</returns>
    public IQueryable<Indicator> Visible(IndicatorCaller caller)
    {
        var all = db.Set<Indicator>().AsQueryable();
        return caller.SeesAll ? all : all.Where(i => i.CreatedByApp == caller.ClientId);
    }

    /// <summary>The active (unexpired) indicators the caller may see.</summary>
    /// <returns>The query.</returns>
    public IQueryable<Indicator> Active(IndicatorCaller caller)
    {
        var now = time.GetUtcNow();
        return Visible(caller).Where(i => i.ExpirationTime == null || i.ExpirationTime > now);
    }

    /// <summary>Creates the indicator, or updates the one with the same type and value.</summary>
    /// <param name="request">The submitted indicator.</param>
    /// <returns>The stored indicator.</returns>
    /// <exception cref="DefenderErrorException">Invalid value, or the tenant limit is reached.</exception>
    public async Task<Indicator> SubmitAsync(SubmitIndicatorRequest request, IndicatorCaller caller, CancellationToken cancellationToken)
    {
        var value = IndicatorValueRules.Validate(request);
        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, WriteScope, cancellationToken);
        var indicator = await FindAsync(request.IndicatorType, value, cancellationToken);
        if (indicator is null || !IsActive(indicator))
        {
            var active = await CountActiveAsync(cancellationToken);
            if (active >= MaxActive)
            {
                throw new DefenderErrorException(LimitReached());
            }
        }

        indicator = await ApplyAsync(indicator, request, value, caller, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return indicator;
    }

    /// <summary>Imports a batch: each item is stored or reported failed with the reason; structure was checked by the binder.</summary>
    /// <param name="requests">The items (at most <see cref="IndicatorOptions.MaxBatchSize"/>).</param>
    /// <returns>One result per item, in order.</returns>
    /// <exception cref="DefenderErrorException">The batch is too large.</exception>
    public async Task<IReadOnlyList<IndicatorImportResult>> ImportAsync(
        IReadOnlyList<SubmitIndicatorRequest> requests, IndicatorCaller caller, CancellationToken cancellationToken)
    {
        if (requests.Count > IndicatorOptions.MaxBatchSize)
        {
            throw new DefenderErrorException(DefenderErrors.BatchTooLarge(requests.Count, IndicatorOptions.MaxBatchSize));
        }

        using var writeLock = await locks.AcquireAsync(db.CurrentTenantId, WriteScope, cancellationToken);
        var active = await CountActiveAsync(cancellationToken);
        var stored = new List<(int Index, Indicator Indicator)>();
        var failed = new Dictionary<int, string>();
        for (var index = 0; index < requests.Count; index++)
        {
            var request = requests[index];
            try
            {
                var value = IndicatorValueRules.Validate(request);
                var indicator = stored.Select(s => s.Indicator).FirstOrDefault(i => i.IndicatorType == request.IndicatorType && i.IndicatorValue == value)
                    ?? await FindAsync(request.IndicatorType, value, cancellationToken);
                if (indicator is null || !IsActive(indicator))
                {
                    if (active >= MaxActive)
                    {
                        throw new DefenderErrorException(LimitReached());
                    }

                    active++;
                }

                stored.Add((index, await ApplyAsync(indicator, request, value, caller, cancellationToken)));
            }
            catch (DefenderErrorException ex)
            {
                failed[index] = $"Item {index} ({request.IndicatorValue}): {ex.Error.Message}";
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var byIndex = stored.ToDictionary(s => s.Index, s => s.Indicator);
        return [.. requests.Select((request, index) => failed.TryGetValue(index, out var reason)
            ? new IndicatorImportResult(null, request.IndicatorValue, true, reason)
            : new IndicatorImportResult(byIndex[index].Id, request.IndicatorValue, false, null))];
    }

    /// <summary>Deletes one visible indicator.</summary>
    /// <param name="id">The id as written in the path.</param>
    /// <exception cref="DefenderErrorException">
    /// Unknown, not visible, or of device groups the caller is not exposed to: ResourceNotFound (the page's only error).
    /// </exception>
    public Task DeleteAsync(string id, IndicatorCaller caller, CancellationToken cancellationToken) =>
        DeleteAllAsync([id], caller, cancellationToken, idIsPath: true);

    /// <summary>Deletes a batch all-or-nothing.</summary>
    /// <param name="ids">The ids.</param>
    /// <exception cref="DefenderErrorException">
    /// Empty or oversized batch, a malformed id (400), an indicator of device groups the caller is not exposed to (403),
    /// or an unknown id (404).
    /// </exception>
    public Task BatchDeleteAsync(IReadOnlyList<string> ids, IndicatorCaller caller, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidInput("[] for IndicatorIds; the list must not be empty"));
        }

        if (ids.Count > IndicatorOptions.MaxBatchSize)
        {
            throw new DefenderErrorException(DefenderErrors.BatchTooLarge(ids.Count, IndicatorOptions.MaxBatchSize));
        }

        return DeleteAllAsync(ids, caller, cancellationToken, idIsPath: false);
    }

    private async Task DeleteAllAsync(IReadOnlyList<string> ids, IndicatorCaller caller, CancellationToken cancellationToken, bool idIsPath)
    {
        var malformed = ids.FirstOrDefault(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (malformed is not null)
        {
            throw new DefenderErrorException(idIsPath
                ? DefenderErrors.ResourceNotFound("Indicator", malformed)
                : DefenderErrors.InvalidInput($"'{malformed}' for IndicatorIds; indicator ids are numbers"));
        }

        var found = await Visible(caller).AsTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        if (await exposure.FirstHiddenAsync([.. ids.Distinct().SelectMany(id => found.Where(i => i.Id == id))], cancellationToken) is { } hidden)
        {
            throw new DefenderErrorException(idIsPath
                ? DefenderErrors.ResourceNotFound("Indicator", hidden.Id)
                : DefenderErrors.Forbidden($"the caller is not exposed to any device group of indicator {hidden.Id}"));
        }

        var missing = ids.FirstOrDefault(id => found.All(i => i.Id != id));
        if (missing is not null)
        {
            throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Indicator", missing));
        }

        db.RemoveRange(found);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<Indicator?> FindAsync(IndicatorType type, string value, CancellationToken cancellationToken) =>
        db.Set<Indicator>().AsTracking().FirstOrDefaultAsync(i => i.IndicatorType == type && i.IndicatorValue == value, cancellationToken);

    private Task<int> CountActiveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Set<Indicator>().CountAsync(i => i.ExpirationTime == null || i.ExpirationTime > now, cancellationToken);
    }

    private bool IsActive(Indicator indicator) => indicator.ExpirationTime is not { } expiry || expiry > time.GetUtcNow();

    private DefenderError LimitReached() =>
        DefenderErrors.BadRequest($"The tenant has reached the limit of {MaxActive} active indicators.");

    private async Task<Indicator> ApplyAsync(Indicator? existing, SubmitIndicatorRequest request, string value, IndicatorCaller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var indicator = existing;
        if (indicator is null)
        {
            indicator = new Indicator
            {
                Id = await TenantSequences.NextAsync(db, "indicators", 1, db.Set<Indicator>().Select(i => i.Id), cancellationToken),
                TenantId = db.CurrentTenantId,
                IndicatorType = request.IndicatorType,
                IndicatorValue = value,
                Application = request.Application,
                Source = caller.Identity,
                CreatedBySource = caller.Identity,
                SourceType = caller.SourceType,
                CreatedBy = caller.Identity,
                CreatedByApp = caller.ClientId,
                CreationTimeDateTimeUtc = now,
            };
            db.Add(indicator);
        }

        indicator.Action = request.Action;
        indicator.Title = request.Title;
        indicator.Description = request.Description;
        indicator.ExpirationTime = request.ExpirationTime;
        indicator.Severity = request.Severity;
        indicator.RecommendedActions = request.RecommendedActions;
        indicator.RbacGroupNames = request.RbacGroupNames ?? [];
        indicator.EducateUrl = request.EducateUrl;
        indicator.GenerateAlert = request.GenerateAlert ?? false;
        indicator.LastUpdateTime = now;
        indicator.LastUpdatedBy = caller.Identity;
        return indicator;
    }
}
