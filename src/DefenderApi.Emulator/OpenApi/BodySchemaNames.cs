using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using DefenderApi.Emulator.Binding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenderApi.Emulator.OpenApi;

/// <summary>
/// Names the properties of request bodies as the strict binder reads them. The documents' schemas come from the web
/// serializer (camelCase), while bodies are bound case-sensitively with the names the reference pages use (isolate
/// takes <c>Comment</c>, indicators take <c>indicatorValue</c>), so a generated client must send those.
/// </summary>
internal sealed class BodySchemaNames : IOpenApiSchemaTransformer
{
    private static readonly ConcurrentDictionary<Type, bool> Bodies = new();

    /// <summary>Records a type bound by <see cref="JsonBody{T}"/>, with the types of its properties.</summary>
    /// <param name="type">The body type.</param>
    public static void Register(Type type)
    {
        if (type.Assembly != typeof(BodySchemaNames).Assembly || !Bodies.TryAdd(type, true))
        {
            return;
        }

        foreach (var property in StrictJsonBinder.Options.GetTypeInfo(type).Properties)
        {
            var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            if (inner.IsClass && inner != typeof(string))
            {
                Register(inner);
            }
        }
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || !Bodies.ContainsKey(type) || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var strict = StrictJsonBinder.Options.GetTypeInfo(type).Properties;
        foreach (var web in context.JsonTypeInfo.Properties)
        {
            var name = strict.FirstOrDefault(s => SameMember(s, web))?.Name;
            if (name is null || name == web.Name || !properties.Remove(web.Name, out var property))
            {
                continue;
            }

            properties[name] = property;
            if (schema.Required?.Remove(web.Name) == true)
            {
                schema.Required.Add(name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool SameMember(JsonPropertyInfo strict, JsonPropertyInfo web) =>
        strict.AttributeProvider is System.Reflection.MemberInfo a && web.AttributeProvider is System.Reflection.MemberInfo b
            ? a.Name == b.Name && a.DeclaringType == b.DeclaringType
            : strict.Name.Equals(web.Name, StringComparison.OrdinalIgnoreCase);
}
