using FakeAws.Engine.Lambda;

namespace FakeAws.Engine.Tests.Lambda;

public class AliasRoutingTests
{
    private static FunctionAlias Alias(double weight, double phase) => new()
    {
        Name = "canary",
        FunctionVersion = "1",
        Description = "",
        Routing = ("2", weight),
        RevisionId = "r",
        RoutingPhase = phase,
    };

    [TestCase(0.1, 0.0)]
    [TestCase(0.33, 0.5)]
    [TestCase(0.9, 0.99)]
    public void PickVersion_AnyRunOfInvocations_WithinOneOfTheWeight(double weight, double phase)
    {
        var alias = Alias(weight, phase);
        var picks = Enumerable.Range(0, 1000).Select(_ => AliasRouting.PickVersion(alias)).ToList();

        for (var length = 10; length <= 1000; length += 10)
        {
            var additional = picks.Take(length).Count(v => v == "2");
            Assert.That(additional, Is.InRange(Math.Floor(weight * length) - 1, Math.Ceiling(weight * length) + 1), $"first {length}");
        }
    }

    [Test]
    public void PickVersion_NoRouting_AlwaysTheAliasVersion()
    {
        var alias = new FunctionAlias { Name = "live", FunctionVersion = "3", Description = "", RevisionId = "r", RoutingPhase = 0.4 };

        Assert.That(Enumerable.Range(0, 10).Select(_ => AliasRouting.PickVersion(alias)).Distinct(), Is.EqualTo(new[] { "3" }));
    }
}
