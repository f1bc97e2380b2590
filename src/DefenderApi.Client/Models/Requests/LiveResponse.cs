using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The body of <c>POST /api/machines/{id}/runliveresponse</c>.</summary>
public sealed record LiveResponseRequest
{
    /// <summary>Why the session runs.</summary>
    [JsonPropertyName("Comment")]
    public string? Comment { get; init; }

    /// <summary>The commands, in the documented order (PutFile, RunScript, GetFile).</summary>
    [JsonPropertyName("Commands")]
    public required IReadOnlyList<LiveResponseCommand> Commands { get; init; }
}

/// <summary>One live response command: <c>{"type": …, "params": [{"key": …, "value": …}]}</c>.</summary>
public sealed record LiveResponseCommand
{
    /// <summary><c>PutFile</c>, <c>RunScript</c> or <c>GetFile</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The parameters (<c>FileName</c>; <c>ScriptName</c>, <c>Args</c>; <c>Path</c>).</summary>
    [JsonPropertyName("params")]
    public IReadOnlyList<LiveResponseParameter> Params { get; init; } = [];

    /// <summary>A <c>PutFile</c> command.</summary>
    /// <param name="fileName">A library file name.</param>
    /// <returns>The command.</returns>
    public static LiveResponseCommand PutFile(string fileName) => new() { Type = "PutFile", Params = [new("FileName", fileName)] };

    /// <summary>A <c>RunScript</c> command.</summary>
    /// <param name="scriptName">A library script name.</param>
    /// <param name="args">The script's arguments, if any.</param>
    /// <returns>The command.</returns>
    public static LiveResponseCommand RunScript(string scriptName, string? args = null) => new()
    {
        Type = "RunScript",
        Params = args is null ? [new("ScriptName", scriptName)] : [new("ScriptName", scriptName), new("Args", args)],
    };

    /// <summary>A <c>GetFile</c> command.</summary>
    /// <param name="path">The file path on the device.</param>
    /// <returns>The command.</returns>
    public static LiveResponseCommand GetFile(string path) => new() { Type = "GetFile", Params = [new("Path", path)] };
}

/// <summary>A live response command parameter.</summary>
/// <param name="Key">The parameter name.</param>
/// <param name="Value">The value.</param>
public sealed record LiveResponseParameter(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("value")] string Value);
