using DefenderApi.Client.Models;
using DefenderApi.Client.Query;

namespace DefenderApi.Client;

public partial class DefenderClient
{
    /// <summary><c>GET /api/deviceavinfo</c>: antivirus health per device, every page (default page size 20).</summary>
    /// <param name="query">Filter, page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The rows.</returns>
    public virtual IAsyncEnumerable<DeviceAvInfo> GetDeviceAvInfoAsync(ODataQuery<DeviceAvInfo>? query = null, CancellationToken cancellationToken = default) =>
        GetCollectionAsync<DeviceAvInfo>("deviceavinfo", query?.ToString(), cancellationToken);

    /// <summary><c>GET /api/machines/InfoGatheringExport</c>: download links of the device health export (preview).</summary>
    /// <param name="sasValidHours">How long the links stay valid (at most 24); the service default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The export files.</returns>
    public virtual Task<DeviceHealthExport> ExportDeviceHealthAsync(int? sasValidHours = null, CancellationToken cancellationToken = default) =>
        GetAsync<DeviceHealthExport>($"machines/InfoGatheringExport{(sasValidHours is { } h ? "?sasValidHours=" + Invariant(h) : string.Empty)}", cancellationToken);
}
