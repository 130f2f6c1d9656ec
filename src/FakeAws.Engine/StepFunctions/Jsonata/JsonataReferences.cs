namespace FakeAws.Engine.StepFunctions.Jsonata;

/// <summary>
/// The references of a Step Functions JSONata expression that AWS refuses at definition time
/// (UNSUPPORTED_JSONATA_EXPRESSION), as AWS answered them when measured (floci-io/floci's records):
/// <list type="bullet">
/// <item>a path that starts from the context item at the top level (<c>phone</c>): Step Functions
/// evaluates an expression with no context item, the input is <c>$states.input</c>, so "Reference to
/// 'phone' at the top level is not supported."; a name in a later step, a predicate, a map step, a
/// sort or group term reads the value before it and is legal, and a lambda's body keeps the context of
/// the expression that defines it;</item>
/// <item><c>$$</c>: "Reference to '$$' is not supported.";</item>
/// <item><c>$states.errorOutput</c> outside a Catch: "Field '$states.errorOutput' does not exist."</item>
/// </list>
/// </summary>
internal static class JsonataReferences
{
    /// <summary>The messages of the refused references of <paramref name="expression"/>, in the order they are written.</summary>
    /// <param name="expression">The parsed expression.</param>
    /// <param name="inCatch">Whether the expression is a Catch's Output or Assign, where <c>$states.errorOutput</c> exists.</param>
    public static List<string> Unsupported(JsonataNode expression, bool inCatch)
    {
        var problems = new List<string>();
        // A stack rather than recursion: a parsed tree can be far deeper than the thread's stack allows.
        var pending = new Stack<(JsonataNode Node, bool TopLevel)>();
        pending.Push((expression, true));
        while (pending.TryPop(out var next))
        {
            var (node, topLevel) = next;
            switch (node)
            {
                case StepNode { Left: null } step when topLevel:
                    problems.Add($"Reference to '{step.Name}' at the top level is not supported.");
                    break;
                case StepNode { Left: VariableNode { Name: "states" }, Name: "errorOutput" } when !inCatch:
                    problems.Add("Field '$states.errorOutput' does not exist.");
                    break;
                case VariableNode { Name: "$" }:
                    problems.Add("Reference to '$$' is not supported.");
                    break;
            }
            // Pushed last first, so children are visited in the order they are written.
            foreach (var (child, sameContext) in node.Children.Reverse())
            {
                pending.Push((child, topLevel && sameContext));
            }
        }
        return problems;
    }
}
