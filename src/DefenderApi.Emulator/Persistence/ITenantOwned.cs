namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// An entity that belongs to one tenant. The DbContext filters every query on such entities by the caller's tenant,
/// so a feature cannot forget the filter and one tenant can never read, count or page another's data.
/// </summary>
internal interface ITenantOwned
{
    /// <summary>The owning tenant.</summary>
    Guid TenantId { get; set; }
}
