namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>The functions of the expression language and how many operands each takes.</summary>
internal static class Functions
{
    public const string AttributeExists = "attribute_exists";
    public const string AttributeNotExists = "attribute_not_exists";
    public const string AttributeType = "attribute_type";
    public const string BeginsWith = "begins_with";
    public const string Contains = "contains";
    public const string Size = "size";
    public const string IfNotExists = "if_not_exists";
    public const string ListAppend = "list_append";

    /// <summary>Functions of conditions (ConditionExpression, FilterExpression, KeyConditionExpression).</summary>
    private static readonly Dictionary<string, int> ConditionArity = new(StringComparer.Ordinal)
    {
        [AttributeExists] = 1,
        [AttributeNotExists] = 1,
        [AttributeType] = 2,
        [BeginsWith] = 2,
        [Contains] = 2,
        [Size] = 1,
    };

    /// <summary>Functions of UpdateExpression's SET.</summary>
    private static readonly Dictionary<string, int> UpdateArity = new(StringComparer.Ordinal)
    {
        [IfNotExists] = 2,
        [ListAppend] = 2,
    };

    /// <summary>
    /// Whether AWS knows the function at all (names are case-sensitive). A known function in the wrong
    /// kind of expression is "not allowed to be used this way", not "invalid".
    /// </summary>
    public static bool IsKnown(string name) => ConditionArity.ContainsKey(name) || UpdateArity.ContainsKey(name);

    public static bool IsConditionFunction(string name) => ConditionArity.ContainsKey(name);

    public static bool IsUpdateFunction(string name) => UpdateArity.ContainsKey(name);

    /// <summary>The number of operands <paramref name="name"/> takes.</summary>
    public static int Arity(string name) => ConditionArity.TryGetValue(name, out var arity) ? arity : UpdateArity[name];

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL" };

    /// <summary>The type names attribute_type accepts, case-sensitive.</summary>
    public static bool IsTypeName(string name) => TypeNames.Contains(name);
}
