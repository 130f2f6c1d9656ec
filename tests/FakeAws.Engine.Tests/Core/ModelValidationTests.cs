using FakeAws.Engine.Core;

namespace FakeAws.Engine.Tests.Core;

/// <summary>What the generated models' checks record: violations as data, worded only when a service reports them.</summary>
public class ModelValidationTests
{
    [Test]
    public void Checks_RecordPathValueAndConstraint()
    {
        var validation = new ModelValidation();

        validation.MinLength("ab", "", "tableName", 3);
        validation.MaxLength(new List<int> { 1, 2, 3 }, "keys.", "keySchema", 2);
        validation.Min((int?)0, "", "limit", 1);
        validation.Max((long?)5000L, "", "limit", 1000);
        validation.Pattern("a b", "", "tableName", "[a-z]+");
        validation.Enum("MAYBE", "", "select", ["ALL", "NONE"]);

        Assert.That(validation.Violations, Has.Count.EqualTo(6));
        Assert.That(validation.Violations[0], Is.EqualTo(new Violation("tableName", "ab", new Constraint.MinLength(3))));
        Assert.That(validation.Violations[1].Path, Is.EqualTo("keys.keySchema"));
        Assert.That(validation.Violations[1].Constraint, Is.EqualTo(new Constraint.MaxLength(2)));
        Assert.That(validation.Violations[2], Is.EqualTo(new Violation("limit", 0, new Constraint.MinValue(1))));
        Assert.That(validation.Violations[3], Is.EqualTo(new Violation("limit", 5000L, new Constraint.MaxValue(1000))));
        Assert.That(validation.Violations[4], Is.EqualTo(new Violation("tableName", "a b", new Constraint.Pattern("[a-z]+"))));
        Assert.That(validation.Violations[5].Constraint, Is.TypeOf<Constraint.EnumSet>());
        Assert.That(((Constraint.EnumSet)validation.Violations[5].Constraint).Allowed, Is.EqualTo(new[] { "ALL", "NONE" }));
    }

    [Test]
    public void Checks_PassValuesThatSatisfyThemAndIgnoreAbsentOnes()
    {
        var validation = new ModelValidation();

        validation.MinLength("abc", "", "tableName", 3);
        validation.MaxLength(null, "", "tableName", 2);
        validation.Min((int?)null, "", "limit", 1);
        validation.Pattern("abc", "", "tableName", "[a-z]+");
        validation.Enum("ALL", "", "select", ["ALL", "NONE"]);
        validation.Enum(null, "", "select", ["ALL", "NONE"]);

        Assert.That(validation.Violations, Is.Empty);
    }

    [Test]
    public void Pattern_MustMatchTheWholeValue()
    {
        var validation = new ModelValidation();

        validation.Pattern("abc1", "", "name", "[a-z]+");

        Assert.That(validation.Violations, Has.Count.EqualTo(1));
    }

    [Test]
    public void Required_KeepsTopLevelMembersApartAndNestedOnesAsViolations()
    {
        var validation = new ModelValidation();

        validation.Required(null, "", "tableName", "TableName");
        validation.Required(null, "keySchema.1.member.", "attributeName", "AttributeName");
        validation.Required("present", "", "key", "Key");

        Assert.That(validation.MissingTopLevel, Is.EqualTo(new[] { "TableName" }));
        Assert.That(validation.Violations, Is.EqualTo(new[] { new Violation("keySchema.1.member.attributeName", null, new Constraint.NotNull()) }));
    }

    [Test]
    public void ReportMissingAsViolations_PutsTopLevelMembersFirstInLowerCamelCase()
    {
        var validation = new ModelValidation();
        validation.MinLength("ab", "", "tableName", 3);
        validation.Required(null, "", "key", "Key");
        validation.Required(null, "", "tableName", "TableName");

        validation.ReportMissingAsViolations();

        Assert.That(validation.MissingTopLevel, Is.Empty);
        Assert.That(validation.Violations.Select(v => v.Path), Is.EqualTo(new[] { "key", "tableName", "tableName" }));
        Assert.That(validation.Violations[0].Constraint, Is.EqualTo(new Constraint.NotNull()));
    }

    [Test]
    public void Add_KeepsTheFirstTenViolations_MissingMembersComeOnTop()
    {
        var validation = new ModelValidation();
        validation.Required(null, "", "key", "Key");
        for (var i = 0; i < 12; i++)
        {
            validation.Add(new Violation($"m{i}", i, new Constraint.MinValue(100)));
        }

        Assert.That(validation.Violations.Select(v => v.Path), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"m{i}")));

        validation.ReportMissingAsViolations();

        Assert.That(validation.Violations, Has.Count.EqualTo(11));
        Assert.That(validation.Violations[0].Path, Is.EqualTo("key"));
    }

    [Test]
    public void Each_NamesListElementsFromOne_EachValueNamesMapValuesByKey()
    {
        var validation = new ModelValidation();

        validation.Each(["ok", ""], "", "attributesToGet", static (v, e, p) => v.MinLength(e, p, "", 1));
        validation.EachValue(new Dictionary<string, string> { ["t"] = "" }, "", "requestItems", static (v, e, p) => v.MinLength(e, p, "", 1));

        Assert.That(validation.Violations.Select(v => v.Path), Is.EqualTo(new[] { "attributesToGet.2.member", "requestItems.t.member" }));
    }

    [Test]
    public void Member_IsThePathsFirstSegment()
    {
        Assert.That(new Violation("requestItems.t.member.keys", null, new Constraint.NotNull()).Member, Is.EqualTo("requestItems"));
        Assert.That(new Violation("limit", 0, new Constraint.MinValue(1)).Member, Is.EqualTo("limit"));
    }

    [Test]
    public void JavasRangeOfSurrogatePairs_IsReadAsAnyCharacterOfTheSupplementaryPlanes()
    {
        // DynamoDB's autoScalingRoleArn: .NET refused to parse it, and any request naming a role threw out of the check.
        const string Pattern = "[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*";
        var validation = new ModelValidation();

        validation.Pattern("arn:aws:iam::123456789012:role/scaling \U0001F600", "", "autoScalingRoleArn", Pattern);
        validation.Pattern("bell \u0007", "", "autoScalingRoleArn", Pattern);

        Assert.That(validation.Violations, Is.EqualTo(new[] { new Violation("autoScalingRoleArn", "bell \u0007", new Constraint.Pattern(Pattern)) }));
    }

    [Test]
    public void JavasPosixClasses_AreReadAsTheirAsciiRanges()
    {
        // Step Functions' traceHeader (StartExecution) and DynamoDB's auto scaling policyName: .NET refused to parse them.
        var validation = new ModelValidation();

        validation.Pattern("Root=1-5759e988-bd862e3fe1be46a994272793", "", "traceHeader", "\\p{ASCII}*");
        validation.Pattern("caf\u00e9", "", "traceHeader", "\\p{ASCII}*");
        validation.Pattern("my policy", "", "policyName", "\\p{Print}+");
        validation.Pattern("tab\t", "", "policyName", "\\p{Print}+");

        Assert.That(validation.Violations.Select(v => v.Value), Is.EqualTo(new[] { "caf\u00e9", "tab\t" }));
    }
}
