using DefenderApi.Errors;

namespace DefenderApi.Emulator.Validation;

/// <summary>The hash forms MDE identifies files and certificates by, with their hexadecimal length.</summary>
internal enum HashKind
{
    /// <summary>MD5: 32 hexadecimal digits.</summary>
    Md5 = 32,

    /// <summary>SHA-1 (also a certificate thumbprint): 40 hexadecimal digits.</summary>
    Sha1 = 40,

    /// <summary>SHA-256: 64 hexadecimal digits.</summary>
    Sha256 = 64,
}

/// <summary>Checks hash values: exactly the kind's length, hexadecimal digits only (either case).</summary>
internal static class HashValidator
{
    /// <summary>Whether <paramref name="value"/> is a well-formed hash of <paramref name="kind"/>.</summary>
    /// <param name="kind">The expected kind.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsValid(string? value, HashKind kind) =>
        value is not null && value.Length == (int)kind && value.All(char.IsAsciiHexDigit);

    /// <summary>The kind <paramref name="value"/> is a well-formed hash of, if any of <paramref name="allowed"/>.</summary>
    /// <param name="allowed">The kinds accepted here.</param>
    /// <returns>The kind, or <see langword="null"/>.</returns>
    public static HashKind? KindOf(string? value, params HashKind[] allowed) =>
        allowed.Cast<HashKind?>().FirstOrDefault(kind => IsValid(value, kind!.Value));

    /// <summary>Throws <c>InvalidHashValue</c> naming <paramref name="value"/> unless it is one of <paramref name="allowed"/>.</summary>
    /// <param name="allowed">The kinds accepted here.</param>
    /// <returns>The kind the value is.</returns>
    /// <exception cref="DefenderErrorException">The value is not a hash of an allowed kind.</exception>
    public static HashKind Require(string value, params HashKind[] allowed) =>
        KindOf(value, allowed) ?? throw new DefenderErrorException(DefenderErrors.InvalidHash(value));
}
