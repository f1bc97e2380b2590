using System.Globalization;
using DefenderApi.Errors.Localization;

namespace DefenderApi.Errors;

/// <summary>
/// One error as a value: a catalogue code and the values of its message placeholders.
/// The emulator turns it into an envelope; nothing here knows about HTTP.
/// </summary>
public sealed class DefenderError
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();

    /// <summary>Creates an error.</summary>
    /// <param name="code">A code from <see cref="ErrorCatalogue"/>.</param>
    /// <param name="arguments">Placeholder values by name.</param>
    public DefenderError(DefenderErrorCode code, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        Definition = ErrorCatalogue.Get(code);
        Arguments = arguments ?? NoArguments;
    }

    /// <summary>The catalogue row.</summary>
    public ErrorDefinition Definition { get; }

    /// <summary>The wire code.</summary>
    public DefenderErrorCode Code => Definition.Code;

    /// <summary>The HTTP status.</summary>
    public int Status => Definition.Status;

    /// <summary>Placeholder values by name.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The English message, as written on the wire.</summary>
    public string Message => MessageTemplateFormatter.Format(Definition.MessageTemplate, Arguments, CultureInfo.InvariantCulture);

    /// <summary>The message in another culture (through the fallback chain).</summary>
    /// <param name="culture">The culture.</param>
    /// <returns>The localized message.</returns>
    public string LocalizedMessage(CultureInfo culture) =>
        MessageTemplateFormatter.Format(ErrorLocalizer.Resolve(Code, culture).MessageTemplate, Arguments, culture);

    /// <summary>Creates an error with one placeholder.</summary>
    /// <param name="code">The code.</param>
    /// <param name="name">The placeholder name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The error.</returns>
    public static DefenderError With(DefenderErrorCode code, string name, object? value) =>
        new(code, new Dictionary<string, object?>(1) { [name] = value });

    /// <summary>Creates an error with two placeholders.</summary>
    /// <param name="code">The code.</param>
    /// <param name="name1">The first placeholder name.</param>
    /// <param name="value1">Its value.</param>
    /// <param name="name2">The second placeholder name.</param>
    /// <param name="value2">Its value.</param>
    /// <returns>The error.</returns>
    public static DefenderError With(DefenderErrorCode code, string name1, object? value1, string name2, object? value2) =>
        new(code, new Dictionary<string, object?>(2) { [name1] = value1, [name2] = value2 });

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
