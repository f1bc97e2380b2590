using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The body of <c>PATCH /api/machines/{id}</c>; absent properties are not changed.</summary>
public sealed record MachineUpdate
{
    /// <summary>The device's tags; the list replaces the current tag set.</summary>
    [JsonPropertyName("machineTags")]
    public IReadOnlyList<string>? MachineTags { get; init; }

    /// <summary><c>Normal</c>, <c>Low</c> or <c>High</c>.</summary>
    [JsonPropertyName("deviceValue")]
    public string? DeviceValue { get; init; }
}
