using System.Reflection;
using System.Text.Json;
using DefenderApi.Errors;
using Microsoft.AspNetCore.Http.Metadata;

namespace DefenderApi.Emulator.Binding;

/// <summary>
/// A request body bound by the strict, case-sensitive binder: wrong-case or unknown properties give
/// <c>InvalidRequestBody</c>, missing required ones <c>MissingRequiredParameter</c>, wrong types or enum values
/// <c>InvalidInput</c> — each naming the property or value. Use it as a handler parameter.
/// </summary>
/// <typeparam name="T">The body type; <c>required</c> members are required parameters.</typeparam>
/// <param name="Value">The bound body.</param>
internal sealed record JsonBody<T>(T Value) : IEndpointParameterMetadataProvider
    where T : class
{
    /// <summary>Describes the body to the endpoint's metadata: a required <c>application/json</c> <typeparamref name="T"/>.</summary>
    /// <param name="parameter">The handler parameter.</param>
    /// <param name="builder">The endpoint being built.</param>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var documented = typeof(T).GetCustomAttribute<DocumentedBodyAttribute>()?.Type ?? typeof(T);
        OpenApi.BodySchemaNames.Register(documented);
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], documented));
    }

    /// <summary>Called by minimal APIs to bind the parameter.</summary>
    /// <param name="parameter">The handler parameter.</param>
    /// <returns>The bound body.</returns>
    /// <exception cref="DefenderErrorException">The body does not match <typeparamref name="T"/>.</exception>
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new DefenderErrorException(DefenderErrors.InvalidRequestBody($"Content-Type must be application/json, not '{contentType}'"));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        return new JsonBody<T>(StrictJsonBinder.Bind<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }
}
