using System.Text.Json;
using DefenderApi.Emulator.Alerts;
using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Persistence.Rows;

namespace DefenderApi.Emulator.Incidents;

/// <summary>
/// The incidents of a list page read as rows (EF Core writes the SQL with the caller's filter, order and page; the
/// cursor reads the columns as SQLite stores them) instead of materialized by EF Core. The entities built are plain
/// values, not tracked.
/// </summary>
internal static class IncidentPageRows
{
    private static readonly string[] Columns =
    [
        "IncidentId", "RedirectIncidentId", "IncidentName", "CreatedTime", "LastUpdateTime", "AssignedTo", "Classification", "Determination",
        "DetectionSource", "Status", "Severity", "Tags", "Comments",
    ];

    /// <summary>Reads the incidents of <paramref name="page"/>.</summary>
    /// <param name="page">The page query (whole incidents).</param>
    /// <param name="location">The database.</param>
    /// <returns>The incidents, in the query's order.</returns>
    public static async Task<List<Incident>> ReadAsync(IQueryable<Incident> page, DatabaseLocation location)
    {
        await using var cursor = SqliteQueryCursor.Open(page, location);
        var c = IncidentRows.Map(cursor, Columns);
        var incidents = new List<Incident>();
        while (cursor.Read())
        {
            incidents.Add(new Incident
            {
                IncidentId = cursor.Int64(c[0]),
                RedirectIncidentId = IncidentRows.Integer(cursor, c[1]),
                IncidentName = IncidentRows.Text(cursor, c[2])!,
                CreatedTime = IncidentRows.Instant(cursor, c[3]),
                LastUpdateTime = IncidentRows.Instant(cursor, c[4]),
                AssignedTo = IncidentRows.Text(cursor, c[5]),
                Classification = IncidentRows.Text(cursor, c[6])!,
                Determination = IncidentRows.Text(cursor, c[7])!,
                DetectionSource = IncidentRows.Text(cursor, c[8])!,
                Status = Enum.Parse<IncidentStatus>(IncidentRows.Text(cursor, c[9])!),
                Severity = Enum.Parse<AlertSeverity>(IncidentRows.Text(cursor, c[10])!),
                Tags = [.. IncidentRows.Strings(cursor, c[11])],
                Comments = cursor.IsNull(c[12]) ? [] : Comments(cursor.Bytes(c[12])),
            });
        }

        return incidents;
    }

    // The comments as EF Core stores an owned collection mapped to JSON: an array of objects named by property.
    private static List<IncidentComment> Comments(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var comments = new List<IncidentComment>();
        IncidentComment? current = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    current = new IncidentComment();
                    break;
                case JsonTokenType.EndObject when current is not null:
                    comments.Add(current);
                    current = null;
                    break;
                case JsonTokenType.PropertyName when current is not null:
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case nameof(IncidentComment.Comment):
                            current.Comment = reader.GetString() ?? string.Empty;
                            break;
                        case nameof(IncidentComment.CreatedBy):
                            current.CreatedBy = reader.GetString() ?? string.Empty;
                            break;
                        case nameof(IncidentComment.CreatedTime):
                            // An instant is UTC ticks wherever the model stores one (UtcTicksConverter); a string if not converted.
                            current.CreatedTime = reader.TokenType == JsonTokenType.Number
                                ? new DateTimeOffset(reader.GetInt64(), TimeSpan.Zero)
                                : reader.GetDateTimeOffset();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }

                    break;
            }
        }

        return comments;
    }
}
