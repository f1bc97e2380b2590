using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DefenderApi.Emulator.Hosting;

/// <summary>
/// Kestrel's transport limits, set far above the emulator's own (<see cref="RequestLimitsMiddleware"/>): Kestrel
/// answers a violation of its limits before any application code runs, with a bare status and no body, and offers
/// no hook to answer otherwise. The emulator's limits answer the same requests with the envelope. What still gets a
/// bare status is listed in docs/fidelity.md.
/// </summary>
internal static class KestrelLimits
{
    /// <summary>The most headers Kestrel reads before answering 431 itself.</summary>
    public const int HeaderCountCeiling = 1_000;

    /// <summary>The longest request line Kestrel reads before answering 414 itself.</summary>
    public const int RequestLineCeiling = 64 * 1024;

    /// <summary>The largest header block Kestrel reads before answering 431 itself.</summary>
    public const int HeaderBytesCeiling = 2 * 1024 * 1024;

    /// <summary>Sets the ceilings and decodes header bytes outside ASCII (Latin-1) instead of refusing them.</summary>
    /// <param name="kestrel">Kestrel's options.</param>
    public static void Apply(KestrelServerOptions kestrel)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        kestrel.Limits.MaxRequestHeaderCount = HeaderCountCeiling;
        kestrel.Limits.MaxRequestLineSize = RequestLineCeiling;
        kestrel.Limits.MaxRequestHeadersTotalSize = HeaderBytesCeiling;
        // Kestrel holds a whole request head in its input buffer, which must therefore be at least this large.
        kestrel.Limits.MaxRequestBufferSize = HeaderBytesCeiling + RequestLineCeiling;
        // Kestrel refuses a header byte above 0x7F with a bare 400; decoded as Latin-1 (every byte is a character)
        // it reaches the application, where a bad Authorization header is a 401 envelope like any other.
        kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
    }
}
