using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;
using LegacyCondition = FakeAws.Engine.DynamoDb.Model.Condition;

namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The ComparisonOperator values of the legacy Expected, QueryFilter, ScanFilter and KeyConditions.</summary>
internal enum LegacyOperator
{
    EQ,
    NE,
    IN,
    LE,
    LT,
    GE,
    GT,
    BETWEEN,
    NOT_NULL,
    NULL,
    CONTAINS,
    NOT_CONTAINS,
    BEGINS_WITH,
}

/// <summary>
/// The legacy condition parameters (Expected with ConditionalOperator, QueryFilter, ScanFilter,
/// KeyConditions), validated with AWS's messages and converted into the same <see cref="Condition"/>
/// trees as expressions, so both evaluate identically.
/// </summary>
internal static class LegacyConditions
{
    private static readonly AttributeType[] Scalars = [AttributeType.S, AttributeType.N, AttributeType.B];

    /// <summary>
    /// Checks a QueryFilter, ScanFilter or KeyConditions map: the number of values each operator takes,
    /// one type for all values, the types each operator accepts, and BETWEEN's order.
    /// </summary>
    public static void ValidateConditions(string parameter, IReadOnlyDictionary<string, LegacyCondition>? conditions)
    {
        if (conditions is null)
        {
            return;
        }
        foreach (var (name, condition) in conditions)
        {
            var op = ParseOperator(condition.ComparisonOperator, $"{LowerFirst(parameter)}.{name}.member.comparisonOperator");
            ValidateValues(op, condition.AttributeValueList ?? []);
        }
    }

    /// <summary>Checks an Expected map: AWS's rules for Value, Exists, ComparisonOperator and AttributeValueList.</summary>
    public static void ValidateExpected(IReadOnlyDictionary<string, ExpectedAttributeValue>? expected)
    {
        if (expected is null)
        {
            return;
        }
        foreach (var (name, condition) in expected)
        {
            if (condition.AttributeValueList is not null && condition.Value is not null)
            {
                throw Invalid($"Value and AttributeValueList cannot be used together for Attribute: {name}");
            }
            if (condition.ComparisonOperator is not null)
            {
                if (condition.Exists is not null)
                {
                    throw Invalid($"Exists and ComparisonOperator cannot be used together for Attribute: {name}");
                }
                var op = ParseOperator(condition.ComparisonOperator, $"expected.{name}.member.comparisonOperator");
                if (op is not (LegacyOperator.NULL or LegacyOperator.NOT_NULL) && condition.AttributeValueList is null && condition.Value is null)
                {
                    throw Invalid($"Value or AttributeValueList must be used with ComparisonOperator: {op} for Attribute: {name}");
                }
                ValidateValues(op, ValuesOf(condition));
            }
            else if (condition.AttributeValueList is not null)
            {
                throw Invalid($"AttributeValueList can only be used with a ComparisonOperator for Attribute: {name}");
            }
            else
            {
                var exists = condition.Exists ?? true;
                if (exists && condition.Value is null)
                {
                    var shown = condition.Exists is null ? "null" : "true";
                    throw Invalid($"Value must be provided when Exists is {shown} for Attribute: {name}");
                }
                if (!exists && condition.Value is not null)
                {
                    throw Invalid($"Value cannot be used when Exists is false for Attribute: {name}");
                }
            }
        }
    }

    /// <summary>An Expected map as one condition (already validated), or null when there is none.</summary>
    public static Condition? FromExpected(IReadOnlyDictionary<string, ExpectedAttributeValue>? expected, string? conditionalOperator)
    {
        if (expected is null || expected.Count == 0)
        {
            return null;
        }
        var terms = new List<Condition>(expected.Count);
        foreach (var (name, condition) in expected)
        {
            var path = DocumentPath.TopLevel(name);
            if (condition.ComparisonOperator is { } op)
            {
                terms.Add(Build(path, Enum.Parse<LegacyOperator>(op), ValuesOf(condition)));
            }
            else if (condition.Exists == false)
            {
                terms.Add(new ExistsCondition(path, exists: false));
            }
            else
            {
                terms.Add(new ComparisonCondition(Comparator.Equal, new PathOperand(path), new ConstantOperand(condition.Value!)));
            }
        }
        return Combine(terms, conditionalOperator);
    }

    /// <summary>A QueryFilter or ScanFilter as one condition (already validated), or null when there is none.</summary>
    public static Condition? FromFilter(IReadOnlyDictionary<string, LegacyCondition>? filter, string? conditionalOperator)
    {
        if (filter is null || filter.Count == 0)
        {
            return null;
        }
        var terms = new List<Condition>(filter.Count);
        foreach (var (name, condition) in filter)
        {
            terms.Add(Build(DocumentPath.TopLevel(name), Enum.Parse<LegacyOperator>(condition.ComparisonOperator!), condition.AttributeValueList ?? []));
        }
        return Combine(terms, conditionalOperator);
    }

    /// <summary>Parses a ComparisonOperator, with AWS's constraint message for anything else.</summary>
    public static LegacyOperator ParseOperator(string? op, string path)
    {
        var names = Enum.GetNames<LegacyOperator>();
        var index = op is null ? -1 : Array.IndexOf(names, op);
        if (index >= 0)
        {
            return Enum.GetValues<LegacyOperator>()[index];
        }
        throw DynamoDbErrors.ConstraintViolations([new Violation(path, op, op is null ? new Constraint.NotNull() : new Constraint.EnumSet(names))]);
    }

    /// <summary>The checks every legacy condition shares, on its operator and values.</summary>
    public static void ValidateValues(LegacyOperator op, IReadOnlyList<AttributeValue> values)
    {
        var countIsValid = op switch
        {
            LegacyOperator.NULL or LegacyOperator.NOT_NULL => values.Count == 0,
            LegacyOperator.IN => values.Count > 0,
            LegacyOperator.BETWEEN => values.Count == 2,
            _ => values.Count == 1,
        };
        if (!countIsValid)
        {
            throw Invalid($"Invalid number of argument(s) for the {op} ComparisonOperator");
        }
        if (values.Count == 0)
        {
            return;
        }
        foreach (var value in values)
        {
            if (value.Type != values[0].Type)
            {
                throw Invalid("AttributeValues inside AttributeValueList must be of same type");
            }
        }
        var allowed = op switch
        {
            LegacyOperator.EQ or LegacyOperator.NE => null,
            LegacyOperator.BEGINS_WITH => [AttributeType.S, AttributeType.B],
            _ => Scalars,
        };
        if (allowed is not null && Array.IndexOf(allowed, values[0].Type) < 0)
        {
            throw Invalid($"ComparisonOperator {op} is not valid for {values[0].Type} AttributeValue type");
        }
        if (op == LegacyOperator.BETWEEN && AttributeValue.CompareKeys(values[0], values[1]) > 0)
        {
            throw DynamoDbErrors.Validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    private static Condition Build(DocumentPath path, LegacyOperator op, IReadOnlyList<AttributeValue> values)
    {
        var attribute = new PathOperand(path);
        return op switch
        {
            LegacyOperator.NULL => new ExistsCondition(path, exists: false),
            LegacyOperator.NOT_NULL => new ExistsCondition(path, exists: true),
            LegacyOperator.EQ => new ComparisonCondition(Comparator.Equal, attribute, new ConstantOperand(values[0])),
            LegacyOperator.NE => new ComparisonCondition(Comparator.NotEqual, attribute, new ConstantOperand(values[0])),
            LegacyOperator.LT => new ComparisonCondition(Comparator.Less, attribute, new ConstantOperand(values[0])),
            LegacyOperator.LE => new ComparisonCondition(Comparator.LessOrEqual, attribute, new ConstantOperand(values[0])),
            LegacyOperator.GT => new ComparisonCondition(Comparator.Greater, attribute, new ConstantOperand(values[0])),
            LegacyOperator.GE => new ComparisonCondition(Comparator.GreaterOrEqual, attribute, new ConstantOperand(values[0])),
            LegacyOperator.BEGINS_WITH => new BeginsWithCondition(attribute, new ConstantOperand(values[0])),
            LegacyOperator.CONTAINS => new ContainsCondition(attribute, new ConstantOperand(values[0])),
            LegacyOperator.NOT_CONTAINS => new ContainsCondition(attribute, new ConstantOperand(values[0]), negated: true),
            LegacyOperator.BETWEEN => new BetweenCondition(attribute, new ConstantOperand(values[0]), new ConstantOperand(values[1])),
            _ => new InCondition(attribute, values.Select(v => (Operand)new ConstantOperand(v)).ToArray()),
        };
    }

    private static Condition Combine(List<Condition> terms, string? conditionalOperator)
    {
        var combined = terms[0];
        for (var i = 1; i < terms.Count; i++)
        {
            combined = conditionalOperator == "OR" ? new OrCondition(combined, terms[i]) : new AndCondition(combined, terms[i]);
        }
        return combined;
    }

    private static IReadOnlyList<AttributeValue> ValuesOf(ExpectedAttributeValue condition) =>
        condition.AttributeValueList ?? (condition.Value is null ? [] : [condition.Value]);

    private static AwsServiceException Invalid(string message) =>
        DynamoDbErrors.Validation($"One or more parameter values were invalid: {message}");

    private static string LowerFirst(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
