using DefenderApi.Emulator.Persistence;
using DefenderApi.Emulator.Tenancy;
using DefenderApi.Errors;
using Microsoft.EntityFrameworkCore;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DefenderApi.Emulator.MachineActions;

/// <summary>
/// Short-lived, signed download URLs (like the SAS links the service hands out): the path and an expiry signed with
/// a per-process key. They carry no token; the signature is the authorisation.
/// </summary>
internal sealed class DownloadLinks(TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>An absolute URL to <paramref name="path"/> valid for <paramref name="validFor"/>.</summary>
    /// <param name="request">The current request (for the host).</param>
    /// <param name="path">The download path, e.g. <c>/downloads/{tenant}/packages/{id}</c>.</param>
    /// <param name="validFor">How long the link works.</param>
    /// <returns>The URL.</returns>
    public string Create(HttpRequest request, string path, TimeSpan validFor)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiry = time.GetUtcNow().Add(validFor).ToUnixTimeSeconds();
        return $"{request.Scheme}://{request.Host}{path}?se={expiry}&sig={Sign(path, expiry)}";
    }

    /// <summary>Whether a presented link is genuine and unexpired.</summary>
    /// <param name="path">The requested path.</param>
    /// <param name="se">The expiry parameter.</param>
    /// <param name="sig">The signature parameter.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public bool IsValid(string path, string? se, string? sig) =>
        long.TryParse(se, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
        && sig is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(path, expiry)), Encoding.ASCII.GetBytes(sig))
        && time.GetUtcNow().ToUnixTimeSeconds() <= expiry;

    private string Sign(string path, long expiry) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}\n{expiry}")));
}

/// <summary>Opens the machine action a signed download link points at.</summary>
internal static class ActionDownloads
{
    /// <summary>Checks the link's signature and expiry, scopes the store to its tenant, and loads the action.</summary>
    /// <param name="context">The exchange (path and <c>se</c>/<c>sig</c> query).</param>
    /// <param name="tenantId">The tenant in the path.</param>
    /// <param name="actionId">The action in the path.</param>
    /// <returns>The action.</returns>
    /// <exception cref="DefenderErrorException">403 Forbidden for a bad or expired link; 404 for a missing action.</exception>
    public static async Task<MachineAction> OpenAsync(HttpContext context, Guid tenantId, string actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var query = context.Request.Query;
        if (!services.GetRequiredService<DownloadLinks>().IsValid(context.Request.Path, query["se"], query["sig"]))
        {
            throw new DefenderErrorException(DefenderErrors.Forbidden("the download link is invalid or has expired"));
        }

        services.GetRequiredService<TenantContext>().TenantId = tenantId;
        return await services.GetRequiredService<EmulatorDbContext>().Set<MachineAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new DefenderErrorException(DefenderErrors.ResourceNotFound("MachineAction", actionId));
    }
}
