using System.Text;
using CsCheck;

namespace DefenderApi.Emulator.Fuzz;

/// <summary>The generator of fuzz requests over every endpoint family: ids, query strings, bodies, headers, tokens.</summary>
public static class FuzzCases
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly string[] QueryNames = ["$filter", "$top", "$skip", "$orderby", "$select", "$expand", "$count", "$search", "api-version", "x"];

    private static readonly string[] Filters =
    [
        "healthStatus eq 'Active'", "lastSeen gt 2026-01-01T00:00:00Z", "machineTags/any(t: t eq 'a')", "id eq '1'",
        "riskScore in ('High','Low')", "startswith(computerDnsName,'a')", "status eq 'New' and severity eq 'High'",
        "x eq", "eq eq eq", "((((", "id eq 1", "lastSeen gt 'yesterday'", "healthStatus eq null",
    ];

    private static Gen<(FuzzAuth Kind, string Garbage)> Auth { get; } = Gen.Frequency(
        (8, Gen.Const((FuzzAuth.Valid, string.Empty))),
        (1, Gen.Const((FuzzAuth.Limited, string.Empty))),
        (1, Gen.Const((FuzzAuth.None, string.Empty))),
        (1, Gen.OneOf(
            FuzzText.Any.Select(t => $"Bearer {t}"),
            FuzzText.Any,
            Gen.OneOf("Bearer", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.", "bearer  "))
            .Select(g => (FuzzAuth.Garbage, g))));

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers { get; } = Gen.Frequency(
        (7, Gen.Const<IReadOnlyList<KeyValuePair<string, string>>>([])),
        (3, Gen.Select(
            Gen.OneOf("Accept-Language", "Accept", "x-emulator-fault", "If-Match", "x-ms-client-request-id", "Prefer", "x-fuzz"),
            Gen.Frequency((4, FuzzText.Any), (1, Gen.OneOf("TooManyRequests", "BadRequest", "NotFound", "Forbidden", "NoSuchCode", "da-DK", "zh-Hant", "*/*"))),
            (name, value) => new KeyValuePair<string, string>(name, value)).Array[1, 3]
            .Select(headers => (IReadOnlyList<KeyValuePair<string, string>>)headers)));

    private static (string? ContentType, byte[]? Bytes) Pair(string? contentType, byte[]? bytes) => (contentType, bytes);

    private static Gen<string> Target(FuzzRoute route)
    {
        var id = FuzzText.Segment;
        var path = Gen.Select(
            Gen.Frequency((3, Gen.Const(FuzzRoute.Machine)), (1, id)),
            Gen.Frequency((3, Gen.Const(FuzzRoute.Alert)), (1, id)),
            Gen.Frequency((3, Gen.Int[1, 8].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, id)),
            id,
            (m, a, i, x) => route.Template.Replace("{m}", m, StringComparison.Ordinal).Replace("{a}", a, StringComparison.Ordinal)
                .Replace("{i}", i, StringComparison.Ordinal).Replace("{x}", x, StringComparison.Ordinal));
        var value = Gen.Frequency((3, FuzzText.Any), (2, Gen.OneOf(Filters)), (1, Gen.Int[-5, 20_000].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var pair = Gen.Select(Gen.OneOf(QueryNames), value, Gen.Bool, (name, v, escape) => $"{name}={(escape ? Uri.EscapeDataString(v) : v)}");
        var query = Gen.Frequency((6, Gen.Const(string.Empty)), (4, pair.Array[1, 3].Select(pairs => string.Join('&', pairs))));
        return Gen.Select(path, query, (p, q) => q.Length == 0 ? p : $"{p}{(p.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{q}");
    }

    private static Gen<(string? ContentType, byte[]? Bytes)> Body(FuzzRoute route)
    {
        var contentType = Gen.Frequency(
            (9, Gen.Const<string?>("application/json")),
            (1, Gen.OneOf<string?>(null, "text/plain", "application/json; charset=utf-16", "multipart/form-data", "application/x-www-form-urlencoded", "application/json; boundary=\"")));
        return route.Kind switch
        {
            FuzzBodyKind.Json => Gen.Select(contentType, FuzzJson.Body(route.Example), (type, bytes) => Pair(type, bytes)),
            FuzzBodyKind.Multipart => Multipart,
            FuzzBodyKind.Form => Form,
            _ => Gen.Frequency((9, Gen.Const(Pair(null, null))), (1, Gen.Const(Pair("application/json", "{}"u8.ToArray())))),
        };
    }

    private static Gen<(string? ContentType, byte[]? Bytes)> Multipart { get; } = Gen.Select(
        Gen.OneOf("b0undary", new string('b', 129), "x"),
        Gen.OneOf("a.ps1", "a\r\n.ps1", "../../a.ps1", "", "\u00e9.ps1", "con", new string('n', 300)),
        Gen.Int[0, 5],
        Gen.Int[0, 200],
        (boundary, fileName, shape, cut) =>
        {
            var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"File\"; filename=\"{fileName}\"\r\n\r\nWrite-Output 1\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"Description\"\r\n\r\nd\r\n--{boundary}--\r\n";
            var bytes = Encoding.UTF8.GetBytes(body);
            return shape switch
            {
                0 => Pair("multipart/form-data", bytes),
                1 => Pair($"multipart/form-data; boundary={boundary}", bytes[..Math.Min(cut, bytes.Length)]),
                2 => Pair($"multipart/form-data; boundary=\"{boundary}", bytes),
                _ => Pair($"multipart/form-data; boundary={boundary}", bytes),
            };
        });

    private static Gen<(string? ContentType, byte[]? Bytes)> Form { get; } = Gen.Select(
        Gen.OneOf("client_credentials", "password", "", "implicit"),
        Gen.Frequency((3, Gen.Const("defender-emulator")), (1, FuzzText.Any)),
        Gen.Frequency((3, Gen.Const("emulator-secret")), (1, FuzzText.Any)),
        Gen.Frequency((3, Gen.Const("https://api.securitycenter.microsoft.com/.default")), (1, FuzzText.Any)),
        Gen.Int[0, 4],
        (grant, client, secret, scope, shape) =>
        {
            var form = $"grant_type={Uri.EscapeDataString(grant)}&client_id={Uri.EscapeDataString(client)}&client_secret={Uri.EscapeDataString(secret)}&scope={Uri.EscapeDataString(scope)}";
            return shape switch
            {
                0 => Pair("application/json", Encoding.UTF8.GetBytes(form)),
                1 => Pair("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("%%%&=&==" + form)),
                2 => Pair("multipart/form-data", Encoding.UTF8.GetBytes(form)),
                _ => Pair("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form)),
            };
        });

    /// <summary>One request (declared last: static initializers run in order).</summary>
    public static Gen<FuzzRequest> Request { get; } =
        Gen.OneOf([.. FuzzRoute.All]).SelectMany(route => Gen.Select(
            Gen.Frequency((9, Gen.Const(route.Method)), (1, Gen.OneOf(Methods))),
            Target(route),
            Auth,
            Headers,
            Body(route),
            (method, target, auth, headers, body) => new FuzzRequest(method, target, auth.Kind, auth.Garbage, headers, body.ContentType, body.Bytes)));
}
