namespace FakeAws.Engine.StepFunctions.Json;

/// <summary>An expression in a definition nests deeper than <see cref="NestingLimits"/> allow.</summary>
internal sealed class NestingTooDeepException(string message) : FormatException(message);

/// <summary>
/// How deep the interpreter's recursive readers and evaluators may go. Each parser and evaluator
/// recurses once per level of nesting, so an unbounded definition or input (a few hundred KB of
/// <c>((((</c>) would overflow the stack and end the process; past these bounds they answer AWS's
/// errors instead.
/// </summary>
internal static class NestingLimits
{
    /// <summary>Intrinsic calls inside one another: AWS documents "You can nest up to 10 intrinsic functions within a field".</summary>
    public const int IntrinsicCalls = 10;

    /// <summary>
    /// Brackets and parentheses inside one another in a JSONPath (filters within filters). Jayway
    /// documents no bound; this one is far beyond any path a definition writes.
    /// </summary>
    public const int JsonPathBrackets = 500;

    /// <summary>
    /// Nested sub-expressions of a JSONata expression as the parser reads them. AWS fails any
    /// evaluation deeper than <see cref="JsonataEvaluation"/>, so an expression nested deeper than
    /// this could never run there either.
    /// </summary>
    public const int JsonataParse = 200;

    /// <summary>
    /// The depth of a parsed JSONata expression's tree, which a chain of operators deepens without
    /// nesting (<c>1+1+...</c> is as deep as it has terms). Building the tree recurses once per
    /// level, and a thread's stack ends near 4,000; an expression deeper than
    /// <see cref="JsonataEvaluation"/> fails when it runs on AWS anyway.
    /// </summary>
    public const int JsonataTree = 1_000;

    /// <summary>
    /// The evaluation depth of a JSONata expression: the bound of jsonata's stack guard as Step
    /// Functions sets it, measured on AWS between 99 and 101 (a chain of 200 <c>1+1+...</c> fails).
    /// </summary>
    public const int JsonataEvaluation = 100;

    /// <summary>
    /// Levels of arrays and objects in a JSON document the interpreter reads or writes (execution
    /// input, state data, task results, definitions). AWS documents no bound below the 256 KiB
    /// payload quota; 1,000 is the default nesting bound of Jackson, which Step Functions runs on,
    /// and leaves the recursive copying and writing of documents well inside a thread's stack.
    /// </summary>
    public const int JsonDepth = 1000;

    /// <summary>The deepest nesting of brackets and parentheses outside quoted strings in <paramref name="text"/>.</summary>
    public static int BracketDepth(string text)
    {
        var depth = 0;
        var deepest = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ']' or ')')
            {
                depth--;
            }
        }
        return deepest;
    }
}
