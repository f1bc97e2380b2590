using DefenderApi.Errors;
using Microsoft.OData.UriParser;

namespace DefenderApi.Emulator.OData;

/// <summary>Walks parsed query clauses and refuses what the collection's policy does not list.</summary>
internal static class ODataPolicyValidator
{
    public static void CheckFilter<T>(FilterClause? filter, ODataCollectionPolicy<T> policy)
        where T : class
    {
        if (filter is not null)
        {
            // The parser accepts the bare literal null as a filter (its type is unknown, not Boolean); as a LINQ
            // predicate it is a null cast to bool, which fails while the query runs.
            if (filter.Expression.TypeReference is null)
            {
                throw Fault("The $filter expression must evaluate to a single boolean value, not null.");
            }

            CheckNode(filter.Expression, policy);
        }
    }

    public static void CheckOrderBy<T>(OrderByClause? orderBy, ODataCollectionPolicy<T> policy)
        where T : class
    {
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            if (clause.Expression is not SingleValuePropertyAccessNode property || !policy.Sortable.Contains(property.Property.Name))
            {
                var name = clause.Expression is SingleValuePropertyAccessNode p ? p.Property.Name : clause.Expression.Kind.ToString();
                throw Fault($"The property '{name}' cannot be used in the $orderby query option of {policy.EntitySet}.");
            }
        }
    }

    public static (IReadOnlySet<string>? Select, IReadOnlyList<string> Expand) CheckSelectExpand<T>(SelectExpandClause? clause, ODataCollectionPolicy<T> policy)
        where T : class
    {
        if (clause is null)
        {
            return (null, []);
        }

        var expand = new List<string>();
        HashSet<string>? select = clause.AllSelected ? null : new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case ExpandedNavigationSelectItem navigation:
                    var name = navigation.PathToNavigationProperty.FirstSegment.Identifier;
                    if (!policy.Expand.ContainsKey(name) || navigation.SelectAndExpand is { AllSelected: false })
                    {
                        throw Fault($"The property '{name}' cannot be used in the $expand query option of {policy.EntitySet}.");
                    }

                    expand.Add(name);
                    break;
                case PathSelectItem path when path.SelectedPath.Count == 1:
                    select?.Add(path.SelectedPath.FirstSegment.Identifier);
                    break;
                default:
                    throw Fault($"The $select item '{Describe(item)}' is not supported; select top-level properties only.");
            }
        }

        return (select, expand);
    }

    private static void CheckNode<T>(QueryNode node, ODataCollectionPolicy<T> policy)
        where T : class
    {
        switch (node)
        {
            case BinaryOperatorNode binary:
                if (!policy.Operators.Contains(binary.OperatorKind))
                {
                    throw Fault($"The operator '{Keyword(binary.OperatorKind)}' is not supported in the $filter query option of {policy.EntitySet}.");
                }

                CheckNode(binary.Left, policy);
                CheckNode(binary.Right, policy);
                break;
            case UnaryOperatorNode unary when unary.OperatorKind == UnaryOperatorKind.Not:
                CheckNode(unary.Operand, policy);
                break;
            case ConvertNode convert:
                CheckNode(convert.Source, policy);
                break;
            case SingleValuePropertyAccessNode property:
                CheckProperty(property.Property.Name, property.Source, policy);
                break;
            case CollectionPropertyAccessNode collection:
                CheckProperty(collection.Property.Name, collection.Source, policy);
                break;
            case CollectionComplexNode complex:
                CheckProperty(complex.Property.Name, complex.Source, policy);
                break;
            case SingleComplexNode complex:
                CheckProperty(complex.Property.Name, complex.Source, policy);
                break;
            case SingleValueFunctionCallNode function:
                if (!policy.Functions.Contains(function.Name))
                {
                    throw Fault($"The function '{function.Name}' is not supported in the $filter query option of {policy.EntitySet}.");
                }

                foreach (var argument in function.Parameters)
                {
                    CheckNode(argument, policy);
                }

                break;
            case LambdaNode lambda:
                if (!policy.AllowLambdas)
                {
                    throw Fault($"The operator '{(lambda is AnyNode ? "any" : "all")}' is not supported in the $filter query option of {policy.EntitySet}.");
                }

                CheckNode(lambda.Source, policy);
                CheckNode(lambda.Body, policy);
                break;
            case ConstantNode or CollectionConstantNode or ResourceRangeVariableReferenceNode or NonResourceRangeVariableReferenceNode:
                break;
            case InNode inNode:
                if (!policy.Operators.Contains(BinaryOperatorKind.Equal))
                {
                    throw Fault($"The operator 'in' is not supported in the $filter query option of {policy.EntitySet}.");
                }

                CheckNode(inNode.Left, policy);
                CheckNode(inNode.Right, policy);
                break;
            default:
                throw Fault($"The expression '{node.Kind}' is not supported in the $filter query option of {policy.EntitySet}.");
        }
    }

    // Properties reached through a lambda variable (ipAddresses/any(i: i/ipAddress eq ...)) were admitted with their collection.
    private static void CheckProperty<T>(string name, QueryNode source, ODataCollectionPolicy<T> policy)
        where T : class
    {
        var onEntity = source is ResourceRangeVariableReferenceNode { RangeVariable.Name: "$it" };
        if (onEntity && !policy.FilterProperties.Contains(name))
        {
            throw Fault($"The property '{name}' cannot be used in the $filter query option of {policy.EntitySet}.");
        }

        if (!onEntity)
        {
            CheckNode(source, policy);
        }
    }

    private static string Keyword(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Or => "or",
        BinaryOperatorKind.And => "and",
        BinaryOperatorKind.Equal => "eq",
        BinaryOperatorKind.NotEqual => "ne",
        BinaryOperatorKind.GreaterThan => "gt",
        BinaryOperatorKind.GreaterThanOrEqual => "ge",
        BinaryOperatorKind.LessThan => "lt",
        BinaryOperatorKind.LessThanOrEqual => "le",
        BinaryOperatorKind.Add => "add",
        BinaryOperatorKind.Subtract => "sub",
        BinaryOperatorKind.Multiply => "mul",
        BinaryOperatorKind.Divide => "div",
        BinaryOperatorKind.Modulo => "mod",
        BinaryOperatorKind.Has => "has",
        _ => kind.ToString(),
    };

    private static string Describe(SelectItem item) => item is PathSelectItem path
        ? string.Join('/', path.SelectedPath.Select(s => s.Identifier))
        : item.GetType().Name;

    private static DefenderErrorException Fault(string message) => new(DefenderErrors.OData(message));
}
