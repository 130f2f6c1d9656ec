using System.Text;

namespace FakeAws.Tests.Docs;

/// <summary>
/// docs/COVERAGE.md is generated from the operation tables: every operation of every service AWS's
/// model lists, and whether FakeAws implements it, with the notes in docs/coverage-notes.tsv.
/// This test fails when the document is stale; regenerate it with
/// <c>FAKEAWS_WRITE_DOCS=1 dotnet test tests/FakeAws.Tests --filter CoverageDoc</c>.
/// </summary>
public class CoverageDocTests
{
    [Test]
    public void CoverageDoc_IsCurrent()
    {
        var root = RepositoryRoot();
        var expected = Render(Notes(Path.Combine(root, "docs", "coverage-notes.tsv")));
        var path = Path.Combine(root, "docs", "COVERAGE.md");
        if (Environment.GetEnvironmentVariable("FAKEAWS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }
        Assert.That(File.Exists(path) ? File.ReadAllText(path) : "", Is.EqualTo(expected),
            "docs/COVERAGE.md is stale: run FAKEAWS_WRITE_DOCS=1 dotnet test tests/FakeAws.Tests --filter CoverageDoc");
    }

    private static string Render(IReadOnlyDictionary<(string, string), string> notes)
    {
        using var cloud = new FakeAwsCloud();
        var text = new StringBuilder();
        text.AppendLine("# Coverage");
        text.AppendLine();
        text.AppendLine("Generated from FakeAws's operation tables by `CoverageDocTests` (notes: `docs/coverage-notes.tsv`).");
        text.AppendLine("Every operation of each service's AWS model is listed. An operation marked ✗ answers with");
        text.AppendLine("`UnknownOperationException: FakeAws does not support the … operation … yet.`");
        foreach (var service in cloud.Router.Services.Select(s => s.Operations).OfType<FakeAws.Protocol.OperationTable>().OrderBy(o => o.ServiceName))
        {
            var operations = service.All.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
            text.AppendLine();
            text.AppendLine($"## {service.ServiceName}: {operations.Count(o => o.IsImplemented)} of {operations.Count} operations");
            text.AppendLine();
            text.AppendLine("| Operation | Status | Notes and limits |");
            text.AppendLine("|---|---|---|");
            foreach (var operation in operations)
            {
                notes.TryGetValue((service.ServiceName, operation.Name), out var note);
                text.AppendLine($"| {operation.Name} | {(operation.IsImplemented ? "✓" : "✗")} | {note} |");
            }
        }
        return text.ToString();
    }

    private static Dictionary<(string, string), string> Notes(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToDictionary(parts => (parts[0], parts[1]), parts => parts[2]);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FakeAws.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("FakeAws.sln not found above the test's directory.");
    }
}
