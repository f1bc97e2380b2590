using System.Collections.Concurrent;
using System.Reflection;

namespace DefenderApi.Emulator.Persistence;

/// <summary>
/// Reads an entity's property through a delegate bound to its getter, made once per property. Bulk statements read
/// every property of every seeded row: <see cref="PropertyInfo.GetValue(object)"/> emits an invoke stub per property, a
/// dynamic method the JIT compiles fully optimized, and seeding the demo tenant compiled ≈ 200 of them at every start.
/// A delegate to the getter needs no emitted code, and neither does making it: the typed reader is created through its
/// parameterless constructor and bound by a virtual call, not by a reflection invoke.
/// </summary>
internal abstract class PropertyReader
{
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Readers = new();

    /// <summary>The reader of <paramref name="property"/> (made on first use, then cached).</summary>
    public static Func<object, object?> For(PropertyInfo property) => Readers.GetOrAdd(property, Create);

    protected abstract Func<object, object?> Bind(MethodInfo getter);

    private static Func<object, object?> Create(PropertyInfo property)
    {
        var getter = property.GetMethod ?? throw new InvalidOperationException($"{property.Name} has no getter.");
        var typed = (PropertyReader)Activator.CreateInstance(typeof(Typed<,>).MakeGenericType(property.DeclaringType!, property.PropertyType))!;
        return typed.Bind(getter);
    }

    private sealed class Typed<TEntity, TValue> : PropertyReader
    {
        protected override Func<object, object?> Bind(MethodInfo getter)
        {
            var read = getter.CreateDelegate<Func<TEntity, TValue>>();
            return row => read((TEntity)row);
        }
    }
}
