using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace DefenderApi.Emulator.DropIn;

/// <summary>Builds the X.509 Name Constraints extension (RFC 5280, section 4.2.1.10) with permitted subtrees only.</summary>
internal static class NameConstraints
{
    /// <summary>The extension's object identifier.</summary>
    public const string Oid = "2.5.29.30";

    /// <summary>The loopback ranges the root permits: 127.0.0.0/8 and ::1/128.</summary>
    public static IReadOnlyList<(IPAddress Address, IPAddress Mask)> LoopbackRanges { get; } =
    [
        (IPAddress.Parse("127.0.0.0"), IPAddress.Parse("255.0.0.0")),
        (IPAddress.IPv6Loopback, IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
    ];

    /// <summary>A critical Name Constraints extension permitting only the given DNS subtrees and address ranges.</summary>
    /// <param name="dnsNames">DNS names; each permits itself and every name below it.</param>
    /// <param name="ranges">Address and mask pairs of the same family.</param>
    /// <returns>The extension.</returns>
    public static X509Extension Create(IEnumerable<string> dnsNames, IEnumerable<(IPAddress Address, IPAddress Mask)> ranges)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        ArgumentNullException.ThrowIfNull(ranges);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            // permittedSubtrees [0] IMPLICIT GeneralSubtrees
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                foreach (var name in dnsNames)
                {
                    using (writer.PushSequence())
                    {
                        // GeneralName dNSName [2] IMPLICIT IA5String
                        writer.WriteCharacterString(UniversalTagNumber.IA5String, name, new Asn1Tag(TagClass.ContextSpecific, 2));
                    }
                }

                foreach (var (address, mask) in ranges)
                {
                    if (address.AddressFamily != mask.AddressFamily)
                    {
                        throw new ArgumentException($"The mask {mask} is not of the family of {address}.", nameof(ranges));
                    }

                    using (writer.PushSequence())
                    {
                        // GeneralName iPAddress [7] IMPLICIT OCTET STRING: address then mask
                        writer.WriteOctetString([.. address.GetAddressBytes(), .. mask.GetAddressBytes()], new Asn1Tag(TagClass.ContextSpecific, 7));
                    }
                }
            }
        }

        return new X509Extension(Oid, writer.Encode(), critical: true);
    }
}
