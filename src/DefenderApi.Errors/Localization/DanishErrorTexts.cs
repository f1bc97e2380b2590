namespace DefenderApi.Errors.Localization;

/// <summary>Danish texts, from the da-DK error page (seed 000). Placeholders keep the English names.</summary>
internal static class DanishErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal)
    {
        ["BadRequest"] = new("Generel ugyldig anmodning-fejlmeddelelse.", "{reason}"),
        ["ODataError"] = new("Ugyldig OData-URI-forespørgsel (den specifikke fejl er angivet).", "Ugyldig OData-URI-forespørgsel: {error}"),
        ["InvalidInput"] = new("Ugyldigt input {det ugyldige input}.", "Ugyldigt input {input}."),
        ["InvalidRequestBody"] = new("Ugyldig brødtekst til anmodning.", "{reason}"),
        ["InvalidHashValue"] = new("Hash-værdi {den ugyldige hash} er ugyldig.", "Hash-værdi {hash} er ugyldig."),
        ["InvalidDomainName"] = new("Domænenavnet {det ugyldige domæne} er ugyldigt.", "Domænenavnet {domain} er ugyldigt."),
        ["InvalidIpAddress"] = new("IP-adressen {den ugyldige IP} er ugyldig.", "IP-adressen {ip} er ugyldig."),
        ["InvalidUrl"] = new("URL-adressen {den ugyldige URL} er ugyldig.", "URL-adressen {url} er ugyldig."),
        ["MaximumBatchSizeExceeded"] = new("Den maksimale batchstørrelse er overskredet. Modtaget: {batchstørrelse modtaget}, tilladt: {batch size allowed}.", "Den maksimale batchstørrelse er overskredet. Modtaget: {received}, tilladt: {allowed}."),
        ["MissingRequiredParameter"] = new("Parameter {the missing parameter} mangler.", "Parameter {parameter} mangler."),
        ["OsPlatformNotSupported"] = new("Os-platformen {the client OS Platform} understøttes ikke for denne handling.", "Os-platformen {platform} understøttes ikke for denne handling."),
        ["ClientVersionNotSupported"] = new("{The requested action} understøttes på klientversionen {supported client version} og nyere.", "{action} understøttes på klientversionen {version} og nyere."),
        ["Unauthorized"] = new("Uautoriseret (ugyldigt eller udløbet godkendelseshoved).", "Uautoriseret ({reason})."),
        ["Forbidden"] = new("Forbudt (gyldig token, men utilstrækkelig tilladelse til handlingen).", "Forbudt ({reason})."),
        ["DisabledFeature"] = new("Lejerfunktionen er ikke aktiveret.", "Lejerfunktionen er ikke aktiveret: {feature}."),
        ["DisallowedOperation"] = new("{the disallowed operation and the reason}.", "{reason}."),
        ["NotFound"] = new("Generel fejlmeddelelse blev ikke fundet.", "{reason}"),
        ["ResourceNotFound"] = new("Ressourcen {the requested resource} blev ikke fundet.", "{entity} {id} blev ikke fundet"),
        ["InternalServerError"] = new("(Ingen fejlmeddelelse, prøv at handlingen igen)", ""),
        ["TooManyRequests"] = new("Svar repræsenterer en nåing af kvotegrænsen enten efter antal anmodninger eller efter CPU.", "{reason}"),
        ["ActiveRequestAlreadyExists"] = new("En handling af samme type er allerede ventende eller i gang på enheden.", "{reason}"),
        ["MethodNotAllowed"] = new("Ressourcen findes, men accepterer ikke denne HTTP-metode.", "HTTP-metoden {method} er ikke tilladt for {path}."),
    };
}
