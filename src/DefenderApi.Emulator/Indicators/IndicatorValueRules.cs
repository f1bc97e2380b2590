using DefenderApi.Emulator.Validation;
using DefenderApi.Errors;

namespace DefenderApi.Emulator.Indicators;

/// <summary>Validates an indicator's value by its type and normalises it (the form it is stored and matched in).</summary>
internal static class IndicatorValueRules
{
    /// <summary>
    /// Checks a submitted indicator beyond what the binder checks: the value for its type, <c>educateUrl</c>, and
    /// <c>generateAlert</c> with <c>Audit</c>.
    /// </summary>
    /// <param name="request">The submitted indicator.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="DefenderErrorException">The first problem found.</exception>
    public static string Validate(SubmitIndicatorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = Normalise(request.IndicatorType, request.IndicatorValue);
        if (request.EducateUrl is { } educateUrl)
        {
            UrlValidator.Require(educateUrl);
        }

        if (request.Action == IndicatorAction.Audit && request.GenerateAlert is not true)
        {
            throw new DefenderErrorException(request.GenerateAlert is null
                ? DefenderErrors.MissingParameter("generateAlert")
                : DefenderErrors.InvalidInput("false for generateAlert; it must be true when action is Audit"));
        }

        return value;
    }

    /// <summary>The stored form of <paramref name="value"/>, or the type's error naming it.</summary>
    /// <param name="type">The indicator type.</param>
    /// <param name="value">The submitted value.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="DefenderErrorException">The value is not valid for the type.</exception>
    public static string Normalise(IndicatorType type, string value) => type switch
    {
        IndicatorType.FileSha1 or IndicatorType.CertificateThumbprint => Hash(value, HashKind.Sha1),
        IndicatorType.FileSha256 => Hash(value, HashKind.Sha256),
        IndicatorType.FileMd5 => Hash(value, HashKind.Md5),
        IndicatorType.IpAddress => Ip(value),
        IndicatorType.DomainName => DomainNameValidator.Require(value),
        IndicatorType.Url => Url(value),
        _ => throw new DefenderErrorException(DefenderErrors.InvalidInput($"'{type}' for indicatorType")),
    };

    private static string Hash(string value, HashKind kind)
    {
        HashValidator.Require(value, kind);
        return value.ToLowerInvariant();
    }

    private static string Ip(string value)
    {
        IpAddressValidator.Require(value);
        return value.ToLowerInvariant();
    }

    private static string Url(string value)
    {
        UrlValidator.Require(value);
        return value;
    }
}
