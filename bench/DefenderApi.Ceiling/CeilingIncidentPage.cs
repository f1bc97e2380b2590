using System.Text.Json;
using System.Text.Json.Serialization;
using DefenderApi.Emulator.Incidents;

namespace DefenderApi.Ceiling;

/// <summary>A page of incidents in the emulator's own resource types, held in memory (the incidents ceiling).</summary>
internal sealed class CeilingIncidentPage
{
    /// <summary>The emulator's casing and enum names.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The context URL.</summary>
    [JsonPropertyName("@odata.context")]
    public string? Context { get; init; }

    /// <summary>The incidents.</summary>
    [JsonPropertyName("value")]
    public List<IncidentResource> Value { get; init; } = [];
}
