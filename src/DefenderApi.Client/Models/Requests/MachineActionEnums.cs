using System.Text.Json.Serialization;

namespace DefenderApi.Client.Models;

/// <summary>The <c>IsolationType</c> of an isolate request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IsolationType>))]
public enum IsolationType
{
    /// <summary>Full isolation.</summary>
    Full,

    /// <summary>Selective isolation (Outlook, Teams and Skype keep working).</summary>
    Selective,

    /// <summary>Contain an unmanaged device.</summary>
    UnManagedDevice,
}

/// <summary>The <c>ScanType</c> of an antivirus scan request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScanType>))]
public enum ScanType
{
    /// <summary>A quick scan.</summary>
    Quick,

    /// <summary>A full scan.</summary>
    Full,
}

/// <summary>The <c>Action</c> of a tag request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TagAction>))]
public enum TagAction
{
    /// <summary>Add the tag.</summary>
    Add,

    /// <summary>Remove the tag.</summary>
    Remove,
}

/// <summary>The terminal and non-terminal <c>status</c> values of a machine action.</summary>
public static class MachineActionStatus
{
    /// <summary>Created, not yet started.</summary>
    public const string Pending = "Pending";

    /// <summary>Running on the device.</summary>
    public const string InProgress = "InProgress";

    /// <summary>Completed successfully (terminal).</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Completed with a failure (terminal).</summary>
    public const string Failed = "Failed";

    /// <summary>Did not complete in time (terminal).</summary>
    public const string TimeOut = "TimeOut";

    /// <summary>Cancelled (terminal).</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Whether <paramref name="status"/> is final.</summary>
    /// <param name="status">A status value.</param>
    /// <returns><see langword="true"/> for Succeeded, Failed, TimeOut and Cancelled.</returns>
    public static bool IsTerminal(string? status) => status is Succeeded or Failed or TimeOut or Cancelled;
}
