using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Jsonata;

namespace FakeAws.Engine.Tests.StepFunctions;

/// <summary>
/// Runs the parser on tests/jsonata-corpus/syntax.jsonl, which syntax.js recorded from
/// jsonata@2.0.6: every expression jsonata parses must parse here (or be refused as a feature
/// FakeAws cannot evaluate yet, never as a syntax error), and every one it refuses must be refused
/// with jsonata's code and message, the text AWS reports as INVALID_JSONATA_EXPRESSION.
/// </summary>
public class JsonataSyntaxCorpusTests
{
    [Test]
    public void Syntax_AgreesWithJsonata206()
    {
        var disagreements = new List<string>();
        var unsupported = new Dictionary<string, int>();
        var total = 0;
        foreach (var line in File.ReadLines(Path.Combine(JsonataCorpusTests.CorpusFolder(), "syntax.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }
            total++;
            var record = JsonNode.Parse(line)!.AsObject();
            var expression = record["expr"]!.GetValue<string>();
            Exception? failure = null;
            try
            {
                JsonataParser.Parse(expression);
            }
            catch (FormatException e)
            {
                failure = e;
            }
            if (record["code"] is { } code)
            {
                var expected = $"{code}: {record["message"]}";
                var got = failure is JsonataSyntaxException syntax ? $"{syntax.Code}: {syntax.Message}" : failure?.Message ?? "parsed";
                if (got != expected)
                {
                    disagreements.Add($"{expression}  expected {expected}, got {got}");
                }
            }
            else if (failure is JsonataSyntaxException syntax)
            {
                disagreements.Add($"{expression}  parses in jsonata, got {syntax.Code}: {syntax.Message}");
            }
            else if (failure is not null)
            {
                unsupported[failure.Message] = unsupported.GetValueOrDefault(failure.Message) + 1;
            }
        }
        TestContext.Out.WriteLine($"JSONata syntax: {total - disagreements.Count} of {total} agree with jsonata@2.0.6");
        foreach (var (feature, count) in unsupported.OrderByDescending(u => u.Value))
        {
            TestContext.Out.WriteLine($"parsed by jsonata, refused as unsupported ({count}): {feature}");
        }
        foreach (var disagreement in disagreements)
        {
            TestContext.Out.WriteLine(disagreement);
        }
        Assert.That(disagreements, Is.Empty);
    }
}
