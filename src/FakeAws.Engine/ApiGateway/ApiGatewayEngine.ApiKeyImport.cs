using System.Text;
using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// ImportApiKeys: API keys from AWS's CSV file format, each optionally added to usage plans.
internal sealed partial class ApiGatewayEngine
{
    /// <summary>
    /// Creates a key for each row of a CSV file whose header names the columns, in any order and case:
    /// <c>Name</c>, <c>Key</c> (the value, required), <c>Description</c>, <c>Enabled</c>,
    /// <c>UsagePlanIds</c> (separated by <c>;</c> or spaces) and <c>CustomerId</c>. A row that cannot be
    /// imported is skipped with a warning; with <c>failonwarnings</c> any warning refuses the whole file.
    /// </summary>
    public ApiKeyIds ImportApiKeys(RequestScope scope, ImportApiKeysRequest request) => Locked(scope, region =>
    {
        if (request.Format != "csv")
        {
            throw ApiGatewayErrors.BadRequest($"Invalid format specified: {request.Format}. Only csv is supported");
        }
        var lines = Encoding.UTF8.GetString(request.Body ?? []).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw ApiGatewayErrors.BadRequest("Invalid API Key CSV file: no header row");
        }
        var header = lines[0].Split(',').Select(c => c.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("key"))
        {
            throw ApiGatewayErrors.BadRequest("Invalid API Key CSV file: the header has no Key column");
        }
        var warnings = new List<string>();
        var rows = new List<(ApiKey Key, List<string> Plans)>();
        var values = region.ApiKeys.Values.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        for (var line = 1; line < lines.Count; line++)
        {
            var cells = lines[line].Split(',');
            string? Cell(string column) => header.IndexOf(column) is >= 0 and var i && i < cells.Length && cells[i].Trim() is { Length: > 0 } text ? text : null;
            var value = Cell("key");
            var plans = (Cell("usageplanids") ?? "").Split([';', ' '], StringSplitOptions.RemoveEmptyEntries).ToList();
            var problem = value is null ? "the API key value is missing"
                : value.Length < MinApiKeyLength ? "API Key value should be at least 20 characters"
                : !values.Add(value) ? "API Key already exists"
                : plans.FirstOrDefault(p => !region.UsagePlans.ContainsKey(p)) is { } unknown ? $"Invalid Usage Plan ID specified: {unknown}"
                : null;
            if (problem is not null)
            {
                warnings.Add($"Line {line + 1}: {problem}");
                continue;
            }
            var key = new ApiKey
            {
                Id = ids.ApiId(),
                Value = value,
                Name = Cell("name"),
                Description = Cell("description"),
                CustomerId = Cell("customerid"),
                Enabled = string.Equals(Cell("enabled"), "true", StringComparison.OrdinalIgnoreCase),
                CreatedDate = Now,
                LastUpdatedDate = Now,
                StageKeys = [],
            };
            key.Name ??= key.Id;
            rows.Add((key, plans));
        }
        if (warnings.Count > 0 && request.FailOnWarnings == true)
        {
            throw ApiGatewayErrors.BadRequest($"Warnings found during import:\n\t{string.Join("\n\t", warnings)}");
        }
        foreach (var (key, plans) in rows)
        {
            region.ApiKeys[key.Id!] = key;
            foreach (var plan in plans)
            {
                region.UsagePlans[plan].KeyIds.Add(key.Id!);
            }
        }
        return new ApiKeyIds { Ids = rows.Select(r => r.Key.Id!).ToList(), Warnings = warnings.Count > 0 ? warnings : null };
    });
}
