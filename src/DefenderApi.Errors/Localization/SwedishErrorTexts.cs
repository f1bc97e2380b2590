namespace DefenderApi.Errors.Localization;

/// <summary>
/// Swedish texts, from the sv-SE error page of Microsoft Threat Protection (seed 002, the MTP variant, whose Swedish
/// spans are used; its English source spans are ignored). Placeholders keep the English names.
/// </summary>
internal static class SwedishErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal)
    {
        ["BadRequest"] = new("Allmänt fel meddelande om felaktig begäran.", "{reason}"),
        ["ODataError"] = new("Ogiltig OData URI-fråga (det specifika felet har angetts).", "Ogiltig OData URI-fråga: {error}"),
        ["InvalidInput"] = new("Ogiltig inmatning {ogiltigt värde}.", "Ogiltig inmatning {input}."),
        ["InvalidRequestBody"] = new("Ogiltigt brödtext för begäran.", "{reason}"),
        ["InvalidHashValue"] = new("Hash-värde {ogiltigt hash} är ogiltigt.", "Hash-värde {hash} är ogiltigt."),
        ["InvalidDomainName"] = new("Domän namn {den ogiltiga domänen} är ogiltig.", "Domännamnet {domain} är ogiltigt."),
        ["InvalidIpAddress"] = new("IP-adress {ogiltigt IP} är ogiltigt.", "IP-adressen {ip} är ogiltig."),
        ["InvalidUrl"] = new("URL {ogiltig URL} är ogiltig.", "URL {url} är ogiltig."),
        ["MaximumBatchSizeExceeded"] = new("Maximal batchstorlek har överskridits. Mottaget: {batch-storlek mottaget}, tillåts: {batchstorlek tillåts}.", "Maximal batchstorlek har överskridits. Mottaget: {received}, tillåts: {allowed}."),
        ["MissingRequiredParameter"] = new("Parameter {den saknade parametern} saknas.", "Parameter {parameter} saknas."),
        ["OsPlatformNotSupported"] = new("OS-plattform {OS-plattformen} stöds inte för den här åtgärden.", "OS-plattform {platform} stöds inte för den här åtgärden."),
        ["ClientVersionNotSupported"] = new("{Den begärda åtgärden} stöds för klient version {-kompatibel klient version} och senare.", "{action} stöds för klientversion {version} och senare."),
        ["Unauthorized"] = new("Ej behörig (vanligt vis ogiltigt eller Förfallet godkännande rubrik).", "Ej behörig ({reason})."),
        ["Forbidden"] = new("Förbjuden (giltig token men otillräcklig behörighet för åtgärden).", "Förbjuden ({reason})."),
        ["DisabledFeature"] = new("Klient funktionen är inte aktive rad.", "Funktionen för klientorganisationen är inte aktiverad: {feature}."),
        ["DisallowedOperation"] = new("{åtgärden är inte tillåten och anledningen}.", "{reason}."),
        ["NotFound"] = new("Allmänt meddelande visas inte.", "{reason}"),
        ["ResourceNotFound"] = new("Resurs {den begärda resursen} hittades inte.", "{entity} {id} hittades inte"),

        // Not on the seed page: our translation.
        ["TooManyRequests"] = new("Svaret innebär att kvotgränsen har nåtts, antingen genom antalet begäranden eller genom CPU.", "{reason}"),

        ["InternalServerError"] = new("(Inget fel meddelande, försök igen eller kontakta oss om det inte löses)", ""),

        // Not on the seed page: our translation.
        ["ActiveRequestAlreadyExists"] = new("En åtgärd av samma typ väntar redan eller pågår på enheten.", "{reason}"),

        // Not on the seed page: our translation.
        ["MethodNotAllowed"] = new("Resursen finns men accepterar inte den här HTTP-metoden.", "HTTP-metoden {method} är inte tillåten för {path}."),
    };
}
