using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Engine.Lambda.Policies;

/// <summary>
/// A resource-based policy (of a function qualifier or a layer version): AWS's document, Version
/// <c>2012-10-17</c> and Id <c>default</c>, with the statements in the order they were added.
/// </summary>
internal sealed class ResourcePolicy
{
    /// <summary>AWS writes policies without escaping <c>/</c>, <c>+</c> or <c>*</c>.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<JsonObject> _statements = [];

    /// <summary>The policy's revision, for policies that carry their own (layer versions); functions use their version's or alias's.</summary>
    public string RevisionId { get; set; } = "";

    public bool IsEmpty => _statements.Count == 0;

    public IReadOnlyList<JsonObject> Statements => _statements;

    /// <summary>Adds a statement; a statement id already in the policy is AWS's conflict.</summary>
    public void Add(JsonObject statement)
    {
        var sid = (string)statement["Sid"]!;
        if (Find(sid) is not null)
        {
            throw LambdaErrors.Conflict($"The statement id ({sid}) provided already exists. Please provide a new statement id, or remove the existing statement.");
        }
        _statements.Add(statement);
    }

    /// <summary>Removes the statement <paramref name="sid"/>; one the policy lacks is AWS's not found.</summary>
    public void Remove(string sid)
    {
        var statement = Find(sid) ?? throw LambdaErrors.NotFound($"Statement {sid} is not found in resource policy.");
        _statements.Remove(statement);
    }

    /// <summary>The policy as GetPolicy returns it: compact JSON in AWS's member order.</summary>
    public string Document()
    {
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Id"] = "default",
            ["Statement"] = new JsonArray(_statements.Select(s => (JsonNode)s.DeepClone()).ToArray()),
        };
        return document.ToJsonString(Json);
    }

    /// <summary>One statement as AddPermission returns it.</summary>
    public static string Render(JsonObject statement) => statement.ToJsonString(Json);

    private JsonObject? Find(string sid) => _statements.Find(s => (string?)s["Sid"] == sid);
}
