using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Engine.Tests.Core;

/// <summary>The one place violations become text, in AWS's words.</summary>
public class ViolationRendererTests
{
    [Test]
    public void Message_WordsOneViolationAsAws()
    {
        var message = ViolationRenderer.Default.Message([new Violation("tableName", "ab", new Constraint.MinLength(3))]);

        Assert.That(message, Is.EqualTo(
            "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"));
    }

    [Test]
    public void Message_CountsAndJoinsSeveral_MissingValuesAsNull()
    {
        var message = ViolationRenderer.Default.Message(
        [
            new Violation("key", null, new Constraint.NotNull()),
            new Violation("limit", 0, new Constraint.MinValue(1)),
        ]);

        Assert.That(message, Is.EqualTo(
            "2 validation errors detected: Value null at 'key' failed to satisfy constraint: Member must not be null; " +
            "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    }

    [Test]
    public void Message_NeedsAViolation()
    {
        Assert.Throws<ArgumentException>(() => ViolationRenderer.Default.Message([]));
    }

    [Test]
    public void Render_LeavesOutValuesTheServiceHides_AndUsesItsPaths()
    {
        var renderer = new ViolationRenderer
        {
            EchoesValue = v => v.Path != "password",
            PathOf = v => $"signUpInput.{v.Path}",
        };

        Assert.That(renderer.Render(new Violation("password", "secret", new Constraint.MinLength(6))),
            Is.EqualTo("Value at 'signUpInput.password' failed to satisfy constraint: Member must have length greater than or equal to 6"));
        Assert.That(renderer.Render(new Violation("username", "bob", new Constraint.MaxLength(2))),
            Is.EqualTo("Value 'bob' at 'signUpInput.username' failed to satisfy constraint: Member must have length less than or equal to 2"));
    }

    private static IEnumerable<TestCaseData> Constraints()
    {
        yield return new TestCaseData(new Constraint.NotNull(), "Member must not be null");
        yield return new TestCaseData(new Constraint.MinLength(3), "Member must have length greater than or equal to 3");
        yield return new TestCaseData(new Constraint.MaxLength(255), "Member must have length less than or equal to 255");
        yield return new TestCaseData(new Constraint.MinValue(1), "Member must have value greater than or equal to 1");
        yield return new TestCaseData(new Constraint.MaxValue(100), "Member must have value less than or equal to 100");
        yield return new TestCaseData(new Constraint.Pattern("[a-zA-Z0-9_.-]+"), "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        yield return new TestCaseData(new Constraint.EnumSet(["HASH", "RANGE"]), "Member must satisfy enum value set: [HASH, RANGE]");
        yield return new TestCaseData(
            new Constraint.MapKeys([new Constraint.MaxLength(255), new Constraint.MinLength(3)]),
            "Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3]");
        yield return new TestCaseData(
            new Constraint.MapValues([new Constraint.MaxLength(25), new Constraint.MinLength(1)]),
            "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    }

    [TestCaseSource(nameof(Constraints))]
    public void Describe_WordsEachKindOfConstraint(object constraint, string expected)
    {
        Assert.That(ViolationRenderer.Describe((Constraint)constraint), Is.EqualTo(expected));
    }

    [Test]
    public void Render_PrintsValuesAsAwsJavaModelDoes()
    {
        string Printed(object value) => ViolationRenderer.Default.Render(new Violation("m", value, new Constraint.NotNull()))
            .Split(" at ")[0]["Value ".Length..];

        Assert.That(Printed(new List<string> { "a", "b" }), Is.EqualTo("'[a, b]'"));
        Assert.That(Printed(new Dictionary<string, object> { ["t"] = new List<int> { 1 } }), Is.EqualTo("'{t=[1]}'"));
        Assert.That(Printed(true), Is.EqualTo("'true'"));
        Assert.That(Printed(1.5), Is.EqualTo("'1.5'"));
        Assert.That(Printed(new KeySchemaElement { AttributeName = "pk", KeyType = "HASH" }),
            Is.EqualTo("'KeySchemaElement(attributeName=pk, keyType=HASH)'"));
    }
}
