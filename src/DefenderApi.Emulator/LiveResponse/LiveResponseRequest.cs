using System.Text.Json.Serialization;
using DefenderApi.Emulator.MachineActions;

namespace DefenderApi.Emulator.LiveResponse;

/// <summary>Body of <c>POST /api/machines/{id}/runliveresponse</c>: capitalised top level, lower-case commands (e-23).</summary>
internal sealed record LiveResponseRequest
{
    /// <summary>Comment (not marked required on the page).</summary>
    public string? Comment { get; init; }

    /// <summary>The commands, run in order.</summary>
    public required IReadOnlyList<LiveResponseCommandRequest> Commands { get; init; }
}

/// <summary>One command.</summary>
internal sealed record LiveResponseCommandRequest
{
    /// <summary>PutFile, RunScript or GetFile.</summary>
    [JsonPropertyName("type")]
    public required LiveResponseCommandType Type { get; init; }

    /// <summary>Parameters.</summary>
    [JsonPropertyName("params")]
    public required IReadOnlyList<LiveResponseParamRequest> Params { get; init; }
}

/// <summary>One parameter.</summary>
internal sealed record LiveResponseParamRequest
{
    /// <summary>FileName, ScriptName, Args or Path.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public required string Value { get; init; }
}
