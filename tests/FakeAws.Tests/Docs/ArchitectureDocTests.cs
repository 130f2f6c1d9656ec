using System.Reflection;
using System.Text.RegularExpressions;

namespace FakeAws.Tests.Docs;

/// <summary>
/// docs/ARCHITECTURE.md names files and members so a reader can go from an operation's name to its code
/// in one hop; these tests keep those names true as the code moves.
/// </summary>
public partial class ArchitectureDocTests
{
    private static readonly Assembly[] Assemblies = [typeof(FakeAwsCloud).Assembly, typeof(VirtualClock).Assembly];

    [Test]
    public void ArchitectureDoc_EveryPathItNamesExists()
    {
        var root = CoverageDocTests.RepositoryRoot();
        var missing = Quoted()
            .Where(q => q.Contains('/') && !q.Contains('<') && !q.Contains(' ') && !q.StartsWith("/_fakeaws", StringComparison.Ordinal))
            .Select(q => q.TrimEnd('/'))
            .Where(q => Regex.IsMatch(q, "^(src|tests|tools|docs|benchmarks)/"))
            .Where(q => !File.Exists(Path.Combine(root, q)) && !Directory.Exists(Path.Combine(root, q)))
            .ToList();
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void ArchitectureDoc_EveryTypeAndMemberItNamesExists()
    {
        var types = Assemblies.SelectMany(a => a.GetTypes()).GroupBy(t => t.Name.Split('`')[0]).ToDictionary(g => g.Key, g => g.ToList());
        var missing = new List<string>();
        foreach (var quoted in Quoted())
        {
            var match = TypeAndMember().Match(quoted);
            if (!match.Success || !types.TryGetValue(match.Groups["type"].Value, out var candidates))
            {
                continue;
            }
            var member = match.Groups["member"];
            if (member.Success && !candidates.Any(t => t.GetMember(member.Value, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Length > 0))
            {
                missing.Add(quoted);
            }
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void ArchitectureDoc_NamesTheTypesOfEachLayer()
    {
        var names = Assemblies.SelectMany(a => a.GetTypes()).Select(t => t.Name.Split('`')[0]).ToHashSet();
        var named = Quoted().Select(q => TypeAndMember().Match(q)).Where(m => m.Success).Select(m => m.Groups["type"].Value).ToHashSet();
        string[] layers = ["FakeAwsCloud", "ServiceModule", "WireRouter", "IWireService", "OperationTable", "AwsJsonService", "RestJsonService",
            "DynamoDbFastPathHandler", "IServiceCalls", "RequestScope", "VirtualClock", "AwsServiceException", "Violation", "ViolationRenderer"];
        Assert.Multiple(() =>
        {
            foreach (var layer in layers)
            {
                Assert.That(names, Does.Contain(layer), $"{layer} is no longer a type");
                Assert.That(named, Does.Contain(layer), $"docs/ARCHITECTURE.md does not name {layer}");
            }
        });
    }

    private static IEnumerable<string> Quoted() =>
        Backticked().Matches(File.ReadAllText(Path.Combine(CoverageDocTests.RepositoryRoot(), "docs", "ARCHITECTURE.md"))).Select(m => m.Groups[1].Value);

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z0-9]+)(?:\.(?<member>[A-Z][A-Za-z0-9]+))?(?:\(.*\))?$")]
    private static partial Regex TypeAndMember();
}
