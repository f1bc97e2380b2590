namespace DefenderApi.Emulator.Admin.Data;

/// <summary>
/// Marks a string property whose page lists its possible values (an enumeration the API writes as text, such as a
/// machine's <c>onboardingStatus</c>). The admin data loader treats it as it treats an enum: a value matching one
/// of these in any case is stored in the documented spelling; any other value is refused naming the property.
/// </summary>
/// <param name="values">The documented values, spelled as the page spells them.</param>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class DocumentedValuesAttribute(params string[] values) : Attribute
{
    /// <summary>The documented values.</summary>
    public IReadOnlyList<string> Values { get; } = values;
}
