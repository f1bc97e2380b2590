namespace DefenderApi.Emulator.Tenancy;

/// <summary>The tenant of the current request (scoped); set from the validated token's <c>tid</c>.</summary>
internal sealed class TenantContext
{
    /// <summary>The tenant, or <see langword="null"/> before authentication.</summary>
    public Guid? TenantId { get; set; }
}
