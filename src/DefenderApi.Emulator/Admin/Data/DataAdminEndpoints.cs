using System.Text.Json;
using DefenderApi.Emulator.Binding;
using DefenderApi.Emulator.Machines.State;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DefenderApi.Emulator.Admin.Data;

/// <summary><c>POST /_emulator/tenants/{tenantId}/data/{collection}</c>: upserts entities by id (see docs/admin.md).</summary>
internal static class DataAdminEndpoints
{
    /// <summary>Maps the data call on the admin group.</summary>
    public static RouteHandlerBuilder MapDataAdmin(this RouteGroupBuilder admin) =>
        admin.MapPost("/tenants/{tenantId}/data/{collection}", LoadAsync);

    private static async Task<Ok<LoadedCount>> LoadAsync(
        string tenantId, string collection, HttpContext context, IEnumerable<IDataCollectionLoader> loaders,
        TenantDirectory tenants, TenantContext tenant, EmulatorDbContext db, TenantWriteLocks locks, MachineStateService machines,
        IEnumerable<IDataLoadObserver> observers, CancellationToken cancellationToken)
    {
        var id = AdminTenant.Enter(tenantId, tenants, tenant);
        var loader = loaders.FirstOrDefault(l => string.Equals(l.Name, collection, StringComparison.OrdinalIgnoreCase))
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("Data collection", collection));
        var items = await ReadItemsAsync(context, cancellationToken);

        using var held = loader.WriteScope is { } scope ? await locks.AcquireAsync(id, scope, cancellationToken) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await loader.UpsertAsync(db, id, items, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (loader.Devices is { } devices)
            {
                await machines.RefreshAsync(MachineIds(items, devices.Property), devices.Facets, cancellationToken);
            }

            foreach (var observer in observers)
            {
                await observer.LoadedAsync(loader.Name, items, cancellationToken);
            }
        }
        catch (DataItemException exception)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody($"item {exception.Index}: {exception.Problem}"));
        }
        catch (Exception exception) when (exception is DbUpdateException { InnerException: SqliteException } or SqliteException { SqliteErrorCode: 19 })
        {
            // e.g. two pending actions of one type on one machine: the store's constraints refuse the batch (EF's save,
            // or a bulk statement's constraint error). The answer says which kind of rule, in the API's words; the
            // storage engine's text stays in the log.
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
                $"the items break a rule of the {loader.Name} collection: {ConstraintKind(exception as SqliteException ?? (SqliteException)exception.InnerException!)}"));
        }
        catch (DbUpdateException exception)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
                $"the items break a rule of the {loader.Name} collection: the store refused the items"), exception);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new LoadedCount(items.Count));
    }

    private static async Task<IReadOnlyList<JsonElement>> ReadItemsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DefenderErrorException(DefenderErrors.InvalidRequestBody("the body must be a JSON array of entities"));
            }

            JsonUnicode.Demand(document.RootElement);

            // One copy of the whole array outlives the pooled document; a copy per item cost as much as parsing it.
            return [.. document.RootElement.Clone().EnumerateArray()];
        }
        catch (JsonException exception)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
                $"the body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})"));
        }
    }

    private static IEnumerable<string> MachineIds(IReadOnlyList<JsonElement> items, string property) =>
        items.Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty);

    private static string ConstraintKind(SqliteException exception) =>
        exception.SqliteExtendedErrorCode switch
        {
            1555 or 2067 => "two items, or an item and a stored entity of another kind, share a key that must be unique",
            787 => "an item refers to an entity that does not exist",
            1299 => "a required property is missing",
            _ => "the store refused the items",
        };
}

/// <summary>The answer of a data load.</summary>
/// <param name="Count">Items upserted.</param>
internal sealed record LoadedCount([property: System.Text.Json.Serialization.JsonPropertyName("count")] int Count);
