using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions;

namespace FakeAws.Conformance.StepFunctions;

/// <summary>
/// The Lambda functions of one case, with the behaviours the README lists. Errors are shaped as a
/// Python runtime reports them (Python's JSON spacing and stack trace), because AWS passes that
/// document on as the cause.
/// </summary>
internal sealed class CaseLambdas(IReadOnlyDictionary<string, string> behaviours, CloudContext cloud) : IStepFunctionsTaskServices
{
    public async Task<LambdaInvokeResult> InvokeLambdaAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, string? logType, CancellationToken cancellationToken)
    {
        var name = FunctionName(functionNameOrArn);
        if (!behaviours.TryGetValue(name, out var behaviour))
        {
            throw new AwsServiceException(
                "ResourceNotFoundException",
                $"Function not found: arn:aws:lambda:{scope.Region}:{scope.AccountId}:function:{name}:{qualifier ?? "$LATEST"}",
                404);
        }
        var requestId = cloud.Ids.NewGuid().ToString();
        switch (behaviour)
        {
            case "identity":
                return Ok(payload);
            case "raise_exception":
                return Error("Some exception was raised.", "Exception", requestId,
                    "  File \"/var/task/handler.py\", line 2, in handler\n    raise Exception(\"Some exception was raised.\")\n");
            case "raise_custom_exception":
                return Error("", "CustomException", requestId, "  File \"/var/task/handler.py\", line 9, in handler\n    raise CustomException()\n");
            case "large_output":
                return Ok(Encoding.UTF8.GetBytes("\"" + new string('a', 257 * 1024) + "\""));
            case "sleep_60s":
                await Task.Delay(TimeSpan.FromSeconds(60), cloud.Clock, cancellationToken);
                return Ok(payload);
            case "return_hello_world_string":
                return Ok("\"HelloWorld!\""u8.ToArray());
            case "echo_hello_world":
                return Ok("{\"Return\": \"HelloWorld\"}"u8.ToArray());
            case "decorate_input":
                var text = "input-event-" + PythonRepr(JsonNode.Parse(payload));
                return Ok(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text)));
            default:
                throw new InvalidOperationException($"unknown Lambda behaviour '{behaviour}'");
        }
    }

    public Task<JsonNode?> CallAwsApiAsync(RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken) =>
        throw new AwsServiceException("UnknownOperationException", $"The conformance runner has no {service} service.");

    private static LambdaInvokeResult Ok(byte[] payload) => new(200, payload, null, "$LATEST");

    private static LambdaInvokeResult Error(string message, string type, string requestId, string trace)
    {
        // Python's json.dumps spacing: ", " between members, ": " after names.
        var document = $"{{\"errorMessage\": {Quote(message)}, \"errorType\": {Quote(type)}, \"requestId\": {Quote(requestId)}, \"stackTrace\": [{Quote(trace)}]}}";
        return new LambdaInvokeResult(200, Encoding.UTF8.GetBytes(document), "Unhandled", "$LATEST");
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string FunctionName(string nameOrArn)
    {
        var parts = nameOrArn.Split(':');
        return parts.Length >= 7 && parts[5] == "function" ? parts[6] : parts[0];
    }

    /// <summary>A JSON value as Python prints the decoded value: <c>{'a': 1, 'b': None}</c>.</summary>
    private static string PythonRepr(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "None",
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.String => PythonString(node.GetValue<string>()),
        JsonValueKind.Number => node.ToJsonString(),
        JsonValueKind.Array => "[" + string.Join(", ", node.AsArray().Select(PythonRepr)) + "]",
        _ => "{" + string.Join(", ", node.AsObject().Select(m => $"{PythonString(m.Key)}: {PythonRepr(m.Value)}")) + "}",
    };

    private static string PythonString(string text) => text.Contains('\'') && !text.Contains('"')
        ? "\"" + text + "\""
        : "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
