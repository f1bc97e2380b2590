namespace DefenderApi.Errors.Localization;

/// <summary>Dutch texts, from the nl-NL error page (seed 001). Placeholders keep the English names.</summary>
internal static class DutchErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal)
    {
        ["BadRequest"] = new("Foutbericht algemeen slecht verzoek.", "{reason}"),
        ["ODataError"] = new("Ongeldige OData URI-query (de specifieke fout is opgegeven).", "Ongeldige OData URI-query: {error}"),
        ["InvalidInput"] = new("Ongeldige invoer {de ongeldige invoer}.", "Ongeldige invoer {input}."),
        ["InvalidRequestBody"] = new("Ongeldige aanvraag body.", "{reason}"),
        ["InvalidHashValue"] = new("Hashwaarde {de ongeldige hash} is ongeldig.", "Hashwaarde {hash} is ongeldig."),
        ["InvalidDomainName"] = new("Domeinnaam {het ongeldige domein} is ongeldig.", "Domeinnaam {domain} is ongeldig."),
        ["InvalidIpAddress"] = new("IP-adres {het ongeldige IP} is ongeldig.", "IP-adres {ip} is ongeldig."),
        ["InvalidUrl"] = new("URL {de ongeldige URL} is ongeldig.", "URL {url} is ongeldig."),
        ["MaximumBatchSizeExceeded"] = new("De maximale batchgrootte is overschreden. Ontvangen: {batch size received}, allowed: {batch size allowed}.", "De maximale batchgrootte is overschreden. Ontvangen: {received}, toegestaan: {allowed}."),
        ["MissingRequiredParameter"] = new("Parameter {de ontbrekende parameter} ontbreekt.", "Parameter {parameter} ontbreekt."),
        ["OsPlatformNotSupported"] = new("Os Platform {the client OS Platform} wordt niet ondersteund voor deze actie.", "Os Platform {platform} wordt niet ondersteund voor deze actie."),
        ["ClientVersionNotSupported"] = new("{De aangevraagde actie} wordt ondersteund in clientversie {ondersteunde clientversie} en hoger.", "{action} wordt ondersteund in clientversie {version} en hoger."),
        ["Unauthorized"] = new("Onbevoegden (ongeldige of verlopen autorisatiekoptekst).", "Onbevoegd ({reason})."),
        ["Forbidden"] = new("Verboden (geldig token, maar onvoldoende toestemming voor de actie).", "Verboden ({reason})."),
        ["DisabledFeature"] = new("Tenantfunctie is niet ingeschakeld.", "Tenantfunctie is niet ingeschakeld: {feature}."),
        ["DisallowedOperation"] = new("{de niet-goedgekeurde bewerking en de reden}.", "{reason}."),
        ["NotFound"] = new("Foutbericht Algemeen niet gevonden.", "{reason}"),
        ["ResourceNotFound"] = new("Resource {de aangevraagde resource} is niet gevonden.", "{entity} {id} is niet gevonden"),
        ["TooManyRequests"] = new("Antwoord vertegenwoordigt het bereiken van quotumlimiet per aantal aanvragen of per CPU.", "{reason}"),
        ["InternalServerError"] = new("(Geen foutbericht, de bewerking opnieuw proberen)", ""),

        // Not on the seed page: our translation.
        ["ActiveRequestAlreadyExists"] = new("Er is al een actie van hetzelfde type in behandeling of bezig op het apparaat.", "{reason}"),

        // Not on the seed page: our translation.
        ["MethodNotAllowed"] = new("De resource bestaat, maar accepteert deze HTTP-methode niet.", "De HTTP-methode {method} is niet toegestaan voor {path}."),
    };
}
