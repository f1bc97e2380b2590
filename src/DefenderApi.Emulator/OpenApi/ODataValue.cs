using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// The envelope of an OData function's single value, e.g. a download link:
/// <c>{"@odata.context":"…/$metadata#Edm.String","value":"https://…"}</c>. It describes the answer in the OpenAPI
/// documents; <see cref="OData.ODataValueResult"/> writes it.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Context">The metadata URL of the value's type.</param>
/// <param name="Value">The value.</param>
internal sealed record ODataValue<T>(
    [property: JsonPropertyName("@odata.context")] string Context,
    [property: JsonPropertyName("value")] T Value);
