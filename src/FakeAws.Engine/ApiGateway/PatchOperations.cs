using System.Globalization;
using FakeAws.Engine.ApiGateway.Model;

namespace FakeAws.Engine.ApiGateway;

/// <summary>
/// Reading API Gateway's JSON-patch style updates (<c>{"op":"replace","path":"/name","value":"x"}</c>):
/// every value travels as a string, and the errors name the path and the operations it allows.
/// </summary>
internal static class PatchOperations
{
    /// <summary>Only <c>replace</c> is allowed on <paramref name="allowed"/> paths.</summary>
    public static void RequireReplace(PatchOperation patch, IReadOnlyList<string> allowed)
    {
        var path = patch.Path ?? "";
        if (!allowed.Contains(path))
        {
            throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{path}' specified for op '{patch.Op}'. Must be one of: [{string.Join(", ", allowed)}]");
        }
        if (patch.Op != "replace")
        {
            throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{path}' specified for op '{patch.Op}'. Please choose supported operations");
        }
    }

    public static bool Bool(PatchOperation patch) => string.Equals(patch.Value, "true", StringComparison.OrdinalIgnoreCase);

    public static int Int(PatchOperation patch, string error) =>
        int.TryParse(patch.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw ApiGatewayErrors.BadRequest(error);

    public static double Double(PatchOperation patch, string error) =>
        double.TryParse(patch.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw ApiGatewayErrors.BadRequest(error);
}
