using System.Text.Json.Serialization;
using DefenderApi.Emulator.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DefenderApi.Emulator.Investigations;

/// <summary>An automated investigation, as <see href="https://learn.microsoft.com/defender-endpoint/api/investigation">Investigation resource type</see> documents it.</summary>
internal sealed class Investigation : ITenantOwned
{
    /// <inheritdoc />
    [JsonIgnore]
    public Guid TenantId { get; set; }

    /// <summary>Identity (a number).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Start time.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>End time.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>One of the 18 documented states, e.g. <c>Running</c>.</summary>
    public string State { get; set; } = InvestigationStates.Running;

    /// <summary>Who cancelled it.</summary>
    public string? CancelledBy { get; set; }

    /// <summary>Details of the state.</summary>
    public string? StatusDetails { get; set; }

    /// <summary>The device.</summary>
    public string MachineId { get; set; } = string.Empty;

    /// <summary>The device's name.</summary>
    public string? ComputerDnsName { get; set; }

    /// <summary>The alert that triggered it (none for investigations started on a device).</summary>
    public string? TriggeringAlertId { get; set; }
}

/// <summary>The investigation states (<see href="https://learn.microsoft.com/defender-endpoint/api/investigation">Investigation resource type</see>).</summary>
internal static class InvestigationStates
{
    /// <summary>Running.</summary>
    public const string Running = "Running";

    /// <summary>Every documented state.</summary>
    public static readonly string[] All =
    [
        "Unknown", "Terminated", "SuccessfullyRemediated", "Benign", "Failed", "PartiallyRemediated", Running, "PendingApproval",
        "PendingResource", "PartiallyInvestigated", "TerminatedByUser", "TerminatedBySystem", "Queued", "InnerFailure",
        "PreexistingAlert", "UnsupportedOs", "UnsupportedAlertType", "SuppressedAlert",
    ];
}

internal sealed class InvestigationConfiguration : IEntityTypeConfiguration<Investigation>
{
    public void Configure(EntityTypeBuilder<Investigation> builder)
    {
        builder.ToTable("Investigations");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.HasIndex(i => new { i.TenantId, i.TriggeringAlertId });
    }
}
