using System.Globalization;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// Reading API Gateway's JSON-patch style updates (<c>{"op":"replace","path":"/name","value":"x"}</c>):
/// every value travels as a string, and the errors name the path and the operations it allows.
/// </summary>
internal static class PatchOperations
{
    /// <summary>
    /// Only <c>replace</c> is allowed on <paramref name="allowed"/> paths. AWS looks at the operation
    /// first: an <c>add</c> on an unknown path is refused for its operation (recorded for models,
    /// resources, request validators and documentation parts).
    /// </summary>
    public static void RequireReplace(PatchOperation patch, IReadOnlyList<string> allowed)
    {
        var path = patch.Path ?? "";
        if (patch.Op != "replace")
        {
            throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{path}' specified for op '{patch.Op}'. Please choose supported operations");
        }
        if (!allowed.Contains(path))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{path}' specified for op '{patch.Op}'. Must be one of: [{string.Join(", ", allowed)}]");
        }
    }

    /// <summary>REST APIs and methods word a wrong operation on a path they accept differently.</summary>
    public static void RequireReplaceOperation(PatchOperation patch)
    {
        if (patch.Op != "replace")
        {
            throw ApiGatewayErrors.BadRequest("Invalid patch operation specified. Must be one of: [replace]");
        }
    }

    public static bool Bool(PatchOperation patch) => string.Equals(patch.Value, "true", StringComparison.OrdinalIgnoreCase);

    public static int Int(PatchOperation patch, string error) =>
        int.TryParse(patch.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw ApiGatewayErrors.BadRequest(error);

    public static double Double(PatchOperation patch, string error) =>
        double.TryParse(patch.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw ApiGatewayErrors.BadRequest(error);
}
