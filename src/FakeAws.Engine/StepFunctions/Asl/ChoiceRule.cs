using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FakeAws.Engine.StepFunctions.Json;

namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>What a Choice rule reads: the state's input, the context object and variables.</summary>
internal interface IChoiceScope
{
    /// <summary>The value at a path, or false when the path selects nothing.</summary>
    bool TrySelect(JsonPath path, out JsonNode? value);

    /// <summary>The error for a Variable or <c>...Path</c> operand that selects nothing.</summary>
    Exception InvalidPath(JsonPath path);
}

/// <summary>A Boolean expression of a Choice state: a comparison, or And/Or/Not of rules.</summary>
internal abstract class ChoiceRule
{
    public abstract bool Evaluate(IChoiceScope scope);

    public sealed class And(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
    {
        public override bool Evaluate(IChoiceScope scope) => rules.All(r => r.Evaluate(scope));
    }

    public sealed class Or(IReadOnlyList<ChoiceRule> rules) : ChoiceRule
    {
        public override bool Evaluate(IChoiceScope scope) => rules.Any(r => r.Evaluate(scope));
    }

    public sealed class Not(ChoiceRule rule) : ChoiceRule
    {
        public override bool Evaluate(IChoiceScope scope) => !rule.Evaluate(scope);
    }

    /// <summary>
    /// <c>Variable</c> compared with a literal or with the value at another path. A value of the
    /// wrong type makes the comparison false; a Variable that selects nothing is an error, except
    /// for IsPresent.
    /// </summary>
    public sealed class Comparison(JsonPath variable, string @operator, JsonNode? operand, JsonPath? operandPath) : ChoiceRule
    {
        public string Operator { get; } = @operator;

        public override bool Evaluate(IChoiceScope scope)
        {
            if (!scope.TrySelect(variable, out var value))
            {
                if (Operator == "IsPresent")
                {
                    return !operand!.GetValue<bool>();
                }
                throw scope.InvalidPath(variable);
            }
            var expected = operand;
            if (operandPath is not null && !scope.TrySelect(operandPath, out expected))
            {
                throw scope.InvalidPath(operandPath);
            }
            var name = operandPath is null ? Operator : Operator[..^"Path".Length];
            return Compare(name, value, expected);
        }

        private static bool Compare(string op, JsonNode? value, JsonNode? expected)
        {
            switch (op)
            {
                case "IsPresent":
                    return expected!.GetValue<bool>();
                case "IsNull":
                    return (value is null) == expected!.GetValue<bool>();
                case "IsNumeric":
                    return JsonValues.IsNumber(value) == expected!.GetValue<bool>();
                case "IsString":
                    return JsonValues.IsString(value) == expected!.GetValue<bool>();
                case "IsBoolean":
                    return JsonValues.IsBoolean(value) == expected!.GetValue<bool>();
                case "IsTimestamp":
                    return (JsonValues.AsString(value) is { } ts && Timestamps.TryParse(ts, out _)) == expected!.GetValue<bool>();
                case "BooleanEquals":
                    return JsonValues.IsBoolean(value) && JsonValues.IsBoolean(expected) && value!.GetValue<bool>() == expected!.GetValue<bool>();
                case "StringMatches":
                    return JsonValues.AsString(value) is { } text && JsonValues.AsString(expected) is { } pattern && Matches(text, pattern);
            }
            if (op.StartsWith("String", StringComparison.Ordinal))
            {
                return JsonValues.AsString(value) is { } a && JsonValues.AsString(expected) is { } b
                    && Holds(op["String".Length..], string.CompareOrdinal(a, b));
            }
            if (op.StartsWith("Numeric", StringComparison.Ordinal))
            {
                if (!JsonValues.IsNumber(value) || !JsonValues.IsNumber(expected))
                {
                    return false;
                }
                var order = JsonValues.AsDecimal(value!) is { } x && JsonValues.AsDecimal(expected!) is { } y
                    ? x.CompareTo(y)
                    : JsonValues.AsDouble(value!).CompareTo(JsonValues.AsDouble(expected!));
                return Holds(op["Numeric".Length..], order);
            }
            if (op.StartsWith("Timestamp", StringComparison.Ordinal))
            {
                return JsonValues.AsString(value) is { } a && Timestamps.TryParse(a, out var t1)
                    && JsonValues.AsString(expected) is { } b && Timestamps.TryParse(b, out var t2)
                    && Holds(op["Timestamp".Length..], t1.CompareTo(t2));
            }
            return false;
        }

        private static bool Holds(string relation, int order) => relation switch
        {
            "Equals" => order == 0,
            "LessThan" => order < 0,
            "LessThanEquals" => order <= 0,
            "GreaterThan" => order > 0,
            "GreaterThanEquals" => order >= 0,
            _ => false,
        };

        /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
        private static bool Matches(string text, string pattern)
        {
            var regex = new System.Text.StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else if (c == '*')
                {
                    regex.Append(".*");
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }
            regex.Append('$');
            return Regex.IsMatch(text, regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
    }
}

/// <summary>A top-level Choice rule: its expression, the state it leads to, and the variables it sets.</summary>
internal sealed class ChoiceBranch
{
    /// <summary>The JSONPath rule; null in a JSONata state, which has a Condition instead.</summary>
    public ChoiceRule? Rule { get; init; }

    /// <summary>JSONata: the expression that must give true for the rule to be chosen.</summary>
    public JsonataTemplate? Condition { get; init; }

    /// <summary>JSONata: the output when this rule is chosen.</summary>
    public JsonataTemplate? Output { get; init; }

    /// <summary>JSONata: the variables this rule sets.</summary>
    public JsonataTemplate? JsonataAssign { get; init; }

    public required string Next { get; init; }

    public PayloadTemplate? Assign { get; init; }
}

/// <summary>RFC 3339 timestamps as the Choice and Wait states take them.</summary>
internal static class Timestamps
{
    private static readonly Regex Rfc3339 = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Parses an RFC 3339 timestamp with a 'T' separator and a zone ('Z' or an offset).</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339.IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The ISO 8601 form AWS uses in the context object, with milliseconds.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
