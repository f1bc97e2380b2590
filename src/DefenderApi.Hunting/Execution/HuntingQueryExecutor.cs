using System.Text;
using System.Text.Json.Nodes;
using DefenderApi.Errors;
using DefenderApi.Hunting.Binding;
using DefenderApi.Hunting.Schema;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DefenderApi.Hunting;

/// <summary>Runs a compiled query for one tenant on an open connection, enforcing the row, size and time limits.</summary>
public sealed class HuntingQueryExecutor
{
    /// <summary>The documented message for a result over the size limit (<see href="https://learn.microsoft.com/defender-endpoint/api/run-advanced-query-api">Advanced Hunting API</see>, limitation 6).</summary>
    public const string ResultTooLargeMessage =
        "Query execution has exceeded the allowed result size. Optimize your query by limiting the number of results and try again";

    private const int SqliteInterrupt = 9;
    private const int ProgressInstructions = 10_000;

    private readonly TimeProvider _timeProvider;
    private readonly HuntingLimits _limits;

    /// <summary>Creates an executor.</summary>
    /// <param name="timeProvider">Clock for the execution-time limit and measurements.</param>
    /// <param name="limits">The limits; the documented ones when <see langword="null"/>.</param>
    public HuntingQueryExecutor(TimeProvider timeProvider, HuntingLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _limits = limits ?? HuntingLimits.Documented;
    }

    /// <summary>Executes a query.</summary>
    /// <param name="connection">An open connection holding the hunting tables.</param>
    /// <param name="query">The compiled query.</param>
    /// <param name="tenantId">The tenant whose rows are visible.</param>
    /// <param name="cancellationToken">Stops the query (e.g. the client went away).</param>
    /// <returns>The response.</returns>
    /// <exception cref="DefenderErrorException">400 when the result is too large or the query ran too long.</exception>
    public HuntingQueryResult Execute(SqliteConnection connection, CompiledHuntingQuery query, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        HuntingSqlFunctions.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        command.Parameters.AddWithValue(CompiledHuntingQuery.TenantParameterName, tenantId);
        foreach (var (name, value) in query.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var started = _timeProvider.GetTimestamp();
        var timedOut = false;
        raw.sqlite3_progress_handler(connection.Handle, ProgressInstructions, _ =>
        {
            timedOut = _timeProvider.GetElapsedTime(started) > _limits.MaxExecutionTime;
            return timedOut || cancellationToken.IsCancellationRequested ? 1 : 0;
        }, null);
        try
        {
            var (rows, bytes) = ReadRows(command, query.Columns);
            return new HuntingQueryResult(
                [.. query.Columns.Select(c => new HuntingSchemaColumn(c.Name, c.Type.WireName()))], rows, _timeProvider.GetElapsedTime(started), bytes);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteInterrupt)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new DefenderErrorException(DefenderErrors.BadRequest(
                $"Query execution has exceeded the allowed execution time of {_limits.MaxExecutionTime.TotalSeconds:0} seconds. Optimize your query and try again"), e);
        }
        catch (SqliteException e)
        {
            throw new DefenderErrorException(DefenderErrors.BadRequest($"Query execution failed: {e.Message}"), e);
        }
        finally
        {
            raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        }
    }

    private (List<JsonObject> Rows, long Bytes) ReadRows(SqliteCommand command, IReadOnlyList<PlanColumn> columns)
    {
        var rows = new List<JsonObject>();
        long bytes = 0;
        using var reader = command.ExecuteReader();
        while (rows.Count < _limits.MaxRows && reader.Read())
        {
            var row = new JsonObject();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ReadValue(reader, i, columns[i].Type);
                row[columns[i].Name] = value;
                bytes += columns[i].Name.Length + 4 + (value is null ? 4 : Encoding.UTF8.GetByteCount(value.ToJsonString()));
            }

            if (bytes > _limits.MaxResultBytes)
            {
                throw new DefenderErrorException(DefenderErrors.BadRequest(ResultTooLargeMessage));
            }

            rows.Add(row);
        }

        return (rows, bytes);
    }

    /// <summary>One value in the service's format: strings never null, datetimes as ISO strings, dynamic as its JSON text.</summary>
    private static JsonNode? ReadValue(SqliteDataReader reader, int ordinal, KqlType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return type == KqlType.String ? JsonValue.Create(string.Empty) : null;
        }

        return type switch
        {
            KqlType.String => JsonValue.Create(reader.GetString(ordinal)),
            KqlType.DateTime => JsonValue.Create(HuntingValueFormat.DateTime(reader.GetInt64(ordinal))),
            KqlType.TimeSpan => JsonValue.Create(TimeSpan.FromTicks(reader.GetInt64(ordinal)).ToString("c", System.Globalization.CultureInfo.InvariantCulture)),
            KqlType.Bool => JsonValue.Create(reader.GetInt64(ordinal) != 0),
            KqlType.Int => JsonValue.Create((int)reader.GetInt64(ordinal)),
            KqlType.Long => JsonValue.Create(reader.GetInt64(ordinal)),
            KqlType.Real => JsonValue.Create(reader.GetDouble(ordinal)),
            _ => JsonValue.Create(reader.GetString(ordinal)),
        };
    }
}
