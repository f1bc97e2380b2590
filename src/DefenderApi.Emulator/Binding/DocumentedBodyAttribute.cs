namespace DefenderApi.Emulator.Binding;

/// <summary>
/// Names the type the OpenAPI documents show for a <see cref="JsonBody{T}"/> whose binding type cannot be described
/// itself, e.g. because it accepts two spellings of one property (JSON schemas, like the web serializer, compare
/// names without case).
/// </summary>
/// <param name="type">The type to describe the body with.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class DocumentedBodyAttribute(Type type) : Attribute
{
    /// <summary>The type the documents show.</summary>
    public Type Type { get; } = type;
}
