using DefenderApi.Emulator.Admin.Data;
using DefenderApi.Emulator.Files;
using DefenderApi.Emulator.Machines.State;
using DefenderApi.Emulator.Users;
using FileInfo = DefenderApi.Emulator.Files.FileInfo;

namespace DefenderApi.Emulator.Alerts;

/// <summary>The admin data collections <c>alerts</c> (with their evidence), <c>files</c> and <c>users</c> (see docs/admin.md).</summary>
internal static class AlertDataLoaders
{
    /// <summary>Registers the loaders.</summary>
    public static IServiceCollection AddAlertDataLoaders(this IServiceCollection services)
    {
        // Through the change tracker: the incidents' save interceptor groups the loaded alerts, and evidence rows are children.
        services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<Alert>("alerts", a => a.Id, PrepareAlert, trackChanges: true, devices: new DeviceLink("machineId", MachineFacets.Risk)));
        services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<FileInfo>("files", f => f.Sha1, (file, _) =>
        {
            file.Sha1 = file.Sha1.ToLowerInvariant();
            return Validation.HashValidator.IsValid(file.Sha1, Validation.HashKind.Sha1) ? null : $"sha1 '{file.Sha1}' is not a SHA-1";
        }));
        services.AddSingleton<IDataCollectionLoader>(new EntityDataLoader<UserAccount>("users", u => u.Id, (user, _) =>
        {
            var parts = user.Id.Split('\\');
            user.AccountName = user.AccountName.Length > 0 ? user.AccountName : parts[^1];
            user.AccountDomain = user.AccountDomain.Length > 0 ? user.AccountDomain : parts.Length > 1 ? parts[0] : string.Empty;
            return null;
        }));
        return services;
    }

    private static string? PrepareAlert(Alert alert, Guid tenantId)
    {
        if (string.IsNullOrWhiteSpace(alert.MachineId))
        {
            return "machineId is missing";
        }

        for (var sequence = 0; sequence < alert.Evidence.Count; sequence++)
        {
            var evidence = alert.Evidence[sequence];
            evidence.TenantId = tenantId;
            evidence.AlertId = alert.Id;
            evidence.Sequence = sequence;
            evidence.Host = AlertEvidence.HostOf(evidence.Url);
        }

        alert.AadTenantId ??= tenantId.ToString();
        return null;
    }
}
