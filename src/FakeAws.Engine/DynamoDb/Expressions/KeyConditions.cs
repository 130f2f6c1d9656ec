using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>One key attribute's condition: the legacy KeyConditions form, which KeyConditionExpression is converted to.</summary>
internal sealed record KeyTerm(string AttributeName, LegacyOperator Operator, IReadOnlyList<AttributeValue> Values);

/// <summary>
/// Query's key conditions. KeyConditionExpression is parsed and validated as a condition, then
/// converted into per-key terms with AWS's KeyConditionExpression messages; KeyConditions arrive as
/// terms. Both are then checked the same way, first alone and then against the key schema.
/// </summary>
internal static class KeyConditions
{
    private const string Expression = "KeyConditionExpression";

    /// <summary>The terms of a compiled KeyConditionExpression, in the order they were written.</summary>
    public static List<KeyTerm> FromExpression(Condition condition)
    {
        var terms = new List<KeyTerm>(2);
        Collect(condition, terms);
        return terms;
    }

    /// <summary>The terms of a legacy KeyConditions map.</summary>
    public static List<KeyTerm> FromLegacy(IReadOnlyDictionary<string, LegacyCondition> conditions)
    {
        var terms = new List<KeyTerm>(conditions.Count);
        foreach (var (name, condition) in conditions)
        {
            var op = LegacyConditions.ParseOperator(condition.ComparisonOperator, $"keyConditions.{name}.member.comparisonOperator");
            terms.Add(new KeyTerm(name, op, condition.AttributeValueList ?? []));
        }
        return terms;
    }

    /// <summary>
    /// The checks that need no schema: each term's values, and for the legacy KeyConditions one or two terms
    /// in all (an expression's terms are counted against the schema).
    /// </summary>
    public static void Validate(IReadOnlyList<KeyTerm> terms, bool legacy)
    {
        foreach (var term in terms)
        {
            LegacyConditions.ValidateValues(term.Operator, term.Values);
        }
        if (legacy && terms.Count is not (1 or 2))
        {
            throw DynamoDbErrors.Validation("Conditions can be of length 1 or 2 only");
        }
    }

    /// <summary>The terms checked against the key schema of the table or index queried.</summary>
    public static KeyConditionSpec ForSchema(IReadOnlyList<KeyTerm> terms, KeySchema schema)
    {
        if (schema.IsMultiAttribute)
        {
            return MultiAttributeKeyConditions.ForSchema(terms, schema);
        }
        if (schema.Range is null && terms.Count > 1)
        {
            throw DynamoDbErrors.Validation("Query key condition not supported");
        }
        if (terms.Count > 2)
        {
            throw DynamoDbErrors.Validation($"The number of query conditions ({terms.Count}) exceeds the number of key attributes defined in the schema (2)");
        }
        SortKeyCondition? sortKey = null;
        AttributeValue? partitionKey = null;
        foreach (var attribute in schema.Attributes)
        {
            var isHash = attribute == schema.Hash;
            var term = Find(terms, attribute.Name);
            if (term is null)
            {
                if (isHash || terms.Count > 1)
                {
                    throw DynamoDbErrors.Validation($"Query condition missed key schema element: {attribute.Name}");
                }
                continue;
            }
            CheckTerm(term, attribute);
            if (isHash)
            {
                if (term.Operator != LegacyOperator.EQ)
                {
                    throw DynamoDbErrors.Validation("Query key condition not supported");
                }
                partitionKey = term.Values[0];
            }
            else
            {
                sortKey = new SortKeyCondition(attribute.Name, Enum.Parse<SortKeyOperator>(term.Operator.ToString()), term.Values[0],
                    term.Values.Count > 1 ? term.Values[1] : null);
            }
        }
        return new KeyConditionSpec(schema.Hash.Name, partitionKey!, sortKey);
    }

    /// <summary>A key attribute's term: an operator an index can seek with, and values of the attribute's type, not empty.</summary>
    public static void CheckTerm(KeyTerm term, KeyAttribute attribute)
    {
        if (term.Operator is LegacyOperator.NULL or LegacyOperator.NOT_NULL or LegacyOperator.NE
            or LegacyOperator.CONTAINS or LegacyOperator.NOT_CONTAINS or LegacyOperator.IN)
        {
            throw DynamoDbErrors.Validation("Attempted conditional constraint is not an indexable operation");
        }
        foreach (var value in term.Values)
        {
            if (value.Type != attribute.Type)
            {
                throw DynamoDbErrors.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
            }
            if (value.Type == AttributeType.S ? value.S.Length == 0 : value.Type == AttributeType.B && value.B.Length == 0)
            {
                var kind = value.Type == AttributeType.S ? "string" : "binary";
                throw DynamoDbErrors.Validation(
                    $"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {kind} value. Key: {attribute.Name}");
            }
        }
    }

    /// <summary>The term on the attribute <paramref name="name"/>, or null.</summary>
    public static KeyTerm? Find(IReadOnlyList<KeyTerm> terms, string name)
    {
        foreach (var term in terms)
        {
            if (term.AttributeName == name)
            {
                return term;
            }
        }
        return null;
    }

    private static void Collect(Condition condition, List<KeyTerm> terms)
    {
        switch (condition)
        {
            case AndCondition and:
                Collect(and.Left, terms);
                Collect(and.Right, terms);
                return;
            case OrCondition:
                throw InvalidOperator("OR");
            case NotCondition:
                throw InvalidOperator("NOT");
            case InCondition:
                throw InvalidOperator("IN");
            case ComparisonCondition { Comparator: Comparator.NotEqual }:
                throw InvalidOperator("<>");
            case ExistsCondition exists:
                throw InvalidOperator(exists.Exists ? Functions.AttributeExists : Functions.AttributeNotExists);
            case TypeCondition:
                throw InvalidOperator(Functions.AttributeType);
            case ContainsCondition:
                throw InvalidOperator(Functions.Contains);
            case BetweenCondition between:
                RequireKeyFirst(between.Value, LeafSyntax.Between);
                AddTerm(terms, LegacyOperator.BETWEEN, [between.Value, between.Lower, between.Upper]);
                return;
            case BeginsWithCondition beginsWith:
                RequireKeyFirst(beginsWith.Value, Functions.BeginsWith);
                AddTerm(terms, LegacyOperator.BEGINS_WITH, [beginsWith.Value, beginsWith.Prefix]);
                return;
            case ComparisonCondition comparison:
                var op = comparison.Comparator switch
                {
                    Comparator.Equal => LegacyOperator.EQ,
                    Comparator.Less => LegacyOperator.LT,
                    Comparator.LessOrEqual => LegacyOperator.LE,
                    Comparator.Greater => LegacyOperator.GT,
                    _ => LegacyOperator.GE,
                };
                AddTerm(terms, op, [comparison.Left, comparison.Right]);
                return;
        }
    }

    private static void RequireKeyFirst(Operand first, string op)
    {
        if (first is not PathOperand)
        {
            throw DynamoDbErrors.Validation($"Invalid condition in KeyConditionExpression: {op} operator must have the key attribute as its first operand");
        }
    }

    // One primitive condition: exactly one operand names a top-level key attribute, the others are
    // values. With the attribute on the right ("<:v < c") the comparison is turned around.
    private static void AddTerm(List<KeyTerm> terms, LegacyOperator op, Operand[] operands)
    {
        string? name = null;
        var position = 0;
        for (var i = 0; i < operands.Length; i++)
        {
            switch (operands[i])
            {
                case PathOperand path:
                    if (name is not null)
                    {
                        throw DynamoDbErrors.Validation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
                    }
                    if (path.Path.IsNested)
                    {
                        throw DynamoDbErrors.Validation("KeyConditionExpressions cannot have conditions on nested attributes");
                    }
                    name = path.Path.Root;
                    position = i;
                    break;
                case SizeOperand:
                    throw DynamoDbErrors.Validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (name is null)
        {
            throw DynamoDbErrors.Validation("Invalid condition in KeyConditionExpression: No key attribute specified");
        }
        if (Find(terms, name) is not null)
        {
            throw DynamoDbErrors.Validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        }
        if (position != 0)
        {
            op = op switch
            {
                LegacyOperator.LT => LegacyOperator.GT,
                LegacyOperator.LE => LegacyOperator.GE,
                LegacyOperator.GT => LegacyOperator.LT,
                LegacyOperator.GE => LegacyOperator.LE,
                _ => op,
            };
        }
        var values = new List<AttributeValue>(operands.Length - 1);
        for (var i = 0; i < operands.Length; i++)
        {
            if (i != position)
            {
                values.Add(((ConstantOperand)operands[i]).Value);
            }
        }
        terms.Add(new KeyTerm(name, op, values));
    }

    private static Exception InvalidOperator(string op) =>
        DynamoDbErrors.Validation($"Invalid operator used in {Expression}: {op}");
}
