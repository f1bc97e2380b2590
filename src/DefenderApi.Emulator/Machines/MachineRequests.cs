using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.Machines;

/// <summary>Body of <c>PATCH /api/machines/{id}</c> (<see href="https://learn.microsoft.com/defender-endpoint/api/update-machine-method">Update machine entity API</see>: both optional, names as in its table).</summary>
internal sealed record UpdateMachineRequest
{
    /// <summary>The new tag set (replaces the existing tags).</summary>
    [JsonPropertyName("machineTags")]
    public IReadOnlyList<string>? MachineTags { get; init; }

    /// <summary>The new device value.</summary>
    [JsonPropertyName("deviceValue")]
    public DeviceValue? DeviceValue { get; init; }
}

/// <summary>Add or remove.</summary>
internal enum TagAction
{
    /// <summary>Add the tag.</summary>
    Add,

    /// <summary>Remove the tag.</summary>
    Remove,
}

/// <summary>Body of <c>POST /api/machines/{id}/tags</c>.</summary>
internal sealed record MachineTagRequest
{
    /// <summary>The tag.</summary>
    public required string Value { get; init; }

    /// <summary>Add or Remove.</summary>
    public required TagAction Action { get; init; }
}

/// <summary>Body of <c>POST /api/machines/AddOrRemoveTagForMultipleMachines</c>.</summary>
internal sealed record MultipleMachineTagRequest
{
    /// <summary>The tag.</summary>
    public required string Value { get; init; }

    /// <summary>Add or Remove.</summary>
    public required TagAction Action { get; init; }

    /// <summary>Up to 500 machine ids.</summary>
    public required IReadOnlyList<string> MachineIds { get; init; }
}

/// <summary>Body of <c>POST /api/machines/{id}/setDeviceValue</c>.</summary>
internal sealed record SetDeviceValueRequest
{
    /// <summary>Normal, Low or High.</summary>
    public required DeviceValue DeviceValue { get; init; }
}
