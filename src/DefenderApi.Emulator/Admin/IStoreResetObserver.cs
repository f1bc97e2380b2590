namespace DefenderApi.Emulator.Admin;

/// <summary>
/// Something that keeps state beside the store and must forget it when the store is reset or restored (the scenario
/// engine's runs): told before the rows are replaced, under the store's write lease.
/// </summary>
internal interface IStoreResetObserver
{
    /// <summary>The store of one tenant, or of every tenant, is about to be replaced.</summary>
    /// <param name="tenantId">The tenant, or <see langword="null"/> for all.</param>
    void OnStoreReplacing(Guid? tenantId);
}
