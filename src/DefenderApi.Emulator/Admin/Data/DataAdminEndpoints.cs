using System.Text.Json;
using DefenderApi.Emulator.Binding;
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
        TenantDirectory tenants, TenantContext tenant, EmulatorDbContext db, TenantWriteLocks locks, CancellationToken cancellationToken)
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
        }
        catch (DataItemException exception)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody($"item {exception.Index}: {exception.Problem}"));
        }
        catch (DbUpdateException exception)
        {
            // e.g. two pending actions of one type on one machine: the store's constraints refuse the batch. The
            // answer says which kind of rule, in the API's words; the storage engine's text stays in the log.
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
                $"the items break a rule of the {loader.Name} collection: {ConstraintKind(exception)}"));
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
            return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
        }
        catch (JsonException exception)
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody(
                $"the body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})"));
        }
    }

    private static string ConstraintKind(DbUpdateException exception) =>
        (exception.InnerException as SqliteException)?.SqliteExtendedErrorCode switch
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
