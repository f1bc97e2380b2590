using System.Linq.Expressions;

namespace DefenderApi.Emulator.Tenancy;

/// <summary>
/// The device groups (<c>rbacGroupId</c> values) a caller sees: everything for application tokens and users with
/// access to all groups, otherwise a fixed set. Lists are filtered with it; single-entity actions are refused.
/// </summary>
internal sealed record DeviceGroupScope
{
    private DeviceGroupScope(bool all, IReadOnlyCollection<string> groupIds)
    {
        All = all;
        GroupIds = groupIds;
    }

    /// <summary>Every device group.</summary>
    public static DeviceGroupScope Everything { get; } = new(true, []);

    /// <summary>Whether every device group is visible.</summary>
    public bool All { get; }

    /// <summary>The visible groups when <see cref="All"/> is off.</summary>
    public IReadOnlyCollection<string> GroupIds { get; }

    /// <summary>Only the given groups.</summary>
    /// <param name="groupIds">The visible <c>rbacGroupId</c> values.</param>
    /// <returns>The scope.</returns>
    public static DeviceGroupScope Only(IEnumerable<string> groupIds) => new(false, [.. groupIds.Distinct(StringComparer.Ordinal)]);

    /// <summary>Whether a device group is visible. A device without a group is visible only to "all groups" callers.</summary>
    /// <param name="rbacGroupId">The device's group.</param>
    /// <returns><see langword="true"/> when visible.</returns>
    public bool Includes(string? rbacGroupId) => All || (rbacGroupId is not null && GroupIds.Contains(rbacGroupId));

    /// <summary>
    /// A filter for EF queries (translated to SQL): <c>db.Machines.Where(scope.Filter&lt;Machine&gt;(m =&gt; m.RbacGroupId))</c>.
    /// </summary>
    /// <typeparam name="T">The entity.</typeparam>
    /// <param name="groupOf">Selects the entity's <c>rbacGroupId</c>.</param>
    /// <returns>The predicate.</returns>
    public Expression<Func<T, bool>> Filter<T>(Expression<Func<T, string?>> groupOf)
    {
        ArgumentNullException.ThrowIfNull(groupOf);
        if (All)
        {
            return _ => true;
        }

        var ids = GroupIds.ToList();
        Expression<Func<string?, bool>> contains = id => ids.Contains(id!);
        var body = new ParameterReplacer(contains.Parameters[0], groupOf.Body).Visit(contains.Body);
        return Expression.Lambda<Func<T, bool>>(body, groupOf.Parameters);
    }

    // Inlines the entity's group selector into the Contains call, so EF sees one plain predicate.
    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
