using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenderApi.Client.Serialization;

/// <summary>The JSON settings of the wire format.</summary>
internal static class DefenderJson
{
    /// <summary>
    /// camelCase for response properties (as documented), case-insensitive reading because the service's casing
    /// varies between pages (<c>onboardingstatus</c>, <c>Schema</c>); request bodies carry explicit names in their
    /// documented case. Nulls are not written, so optional body parameters are simply absent.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
