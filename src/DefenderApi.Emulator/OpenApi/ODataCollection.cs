using System.Text.Json.Serialization;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// The envelope of every OData collection the API answers: <c>@odata.context</c>, <c>value</c> and, when more rows
/// remain, <c>@odata.nextLink</c>. It describes the answer in the OpenAPI documents; handlers write the same shape.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="Context">The metadata URL of the entity set, e.g. <c>https://api.security.microsoft.com/api/$metadata#Machines</c>.</param>
/// <param name="Value">The page's entities.</param>
/// <param name="NextLink">The URL of the next page; absent on the last page.</param>
internal sealed record ODataCollection<T>(
    [property: JsonPropertyName("@odata.context")] string Context,
    [property: JsonPropertyName("value")] IReadOnlyList<T> Value,
    [property: JsonPropertyName("@odata.nextLink"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextLink);
