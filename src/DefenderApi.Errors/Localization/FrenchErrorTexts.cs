namespace DefenderApi.Errors.Localization;

/// <summary>French texts, from the fr-FR error page (seed 004). Placeholders keep the English names.</summary>
internal static class FrenchErrorTexts
{
    public static IReadOnlyDictionary<string, LocalizedErrorText> Texts { get; } = new Dictionary<string, LocalizedErrorText>(StringComparer.Ordinal)
    {
        ["BadRequest"] = new("Message d’erreur Général Bad Request.", "{reason}"),
        ["ODataError"] = new("Requête URI OData non valide (l’erreur spécifique est spécifiée).", "Requête URI OData non valide : {error}"),
        ["InvalidInput"] = new("Entrée non valide {l’entrée non valide}.", "Entrée non valide {input}."),
        ["InvalidRequestBody"] = new("Corps de la demande non valide.", "{reason}"),
        ["InvalidHashValue"] = new("La valeur de hachage {le hachage non valide} n’est pas valide.", "La valeur de hachage {hash} n’est pas valide."),
        ["InvalidDomainName"] = new("Nom de domaine {le domaine non valide} non valide.", "Le nom de domaine {domain} n’est pas valide."),
        ["InvalidIpAddress"] = new("Adresse IP {l’adresse IP non valide} n’est pas valide.", "L’adresse IP {ip} n’est pas valide."),
        ["InvalidUrl"] = new("URL {l’URL non valide} n’est pas valide.", "L’URL {url} n’est pas valide."),
        ["MaximumBatchSizeExceeded"] = new("La taille maximale du lot est dépassée. Received: {batch size received}, allowed: {batch size allowed}.", "La taille maximale du lot est dépassée. Reçu : {received}, autorisé : {allowed}."),
        ["MissingRequiredParameter"] = new("Le paramètre {le paramètre manquant} est manquant.", "Le paramètre {parameter} est manquant."),
        ["OsPlatformNotSupported"] = new("La plateforme du système d’exploitation {la plateforme de système d’exploitation cliente} n’est pas prise en charge pour cette action.", "La plateforme du système d’exploitation {platform} n’est pas prise en charge pour cette action."),
        ["ClientVersionNotSupported"] = new("{The requested action} is supported on client version {supported client version} and above.", "{action} est pris en charge à partir de la version cliente {version}."),
        ["Unauthorized"] = new("Non autorisé (en-tête d’autorisation non valide ou expiré).", "Non autorisé ({reason})."),
        ["Forbidden"] = new("Interdit (jeton valide mais autorisation insuffisante pour l’action).", "Interdit ({reason})."),
        ["DisabledFeature"] = new("La fonctionnalité client n’est pas activée.", "La fonctionnalité du locataire n’est pas activée : {feature}."),
        ["DisallowedOperation"] = new("{l’opération nonallée et la raison}.", "{reason}."),
        ["NotFound"] = new("Message d’erreur Général in trouvé.", "{reason}"),
        ["ResourceNotFound"] = new("Ressource {la ressource demandée} in trouvée.", "{entity} {id} est introuvable"),
        ["TooManyRequests"] = new("La réponse représente l’atteinte de la limite de quota soit par nombre de demandes, soit par processeur.", "{reason}"),
        ["InternalServerError"] = new("(Aucun message d’erreur, nouvelle tentative de l’opération)", ""),

        // Not on the seed page: our translation.
        ["ActiveRequestAlreadyExists"] = new("Une action du même type est déjà en attente ou en cours sur l’appareil.", "{reason}"),

        // Not on the seed page: our translation.
        ["MethodNotAllowed"] = new("La ressource existe mais n’accepte pas cette méthode HTTP.", "La méthode HTTP {method} n’est pas autorisée pour {path}."),
    };
}
