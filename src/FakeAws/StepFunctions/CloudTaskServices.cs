using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.StepFunctions;
using LambdaInvokeResult = FakeAws.Engine.StepFunctions.LambdaInvokeResult;
using FakeAws.Protocol;

namespace FakeAws.StepFunctions;

/// <summary>
/// Task states' calls to the cloud's other services: Lambda through the Lambda engine's invoke API,
/// and the awsJson services (DynamoDB, Step Functions itself, ...) through their own front doors by
/// X-Amz-Target, since an integration's parameters are that API's JSON. A service the cloud does
/// not serve yet answers with an error that says so.
/// </summary>
internal sealed class CloudTaskServices(FakeAwsCloud cloud) : IStepFunctionsTaskServices
{
    public async Task<LambdaInvokeResult> InvokeLambdaAsync(
        RequestScope scope, string functionNameOrArn, string? qualifier, byte[] payload, CancellationToken cancellationToken)
    {
        var result = await cloud.Lambda.Engine.InvokeFunctionAsync(
            scope, functionNameOrArn, qualifier, payload, LambdaInvocationType.RequestResponse, cancellationToken);
        return new LambdaInvokeResult(result.StatusCode, result.Payload ?? [], result.FunctionError, result.ExecutedVersion ?? "$LATEST");
    }

    public async Task<JsonNode?> CallAwsApiAsync(
        RequestScope scope, string service, string action, JsonNode? parameters, CancellationToken cancellationToken)
    {
        // The aws-sdk integrations name services as the SDKs do; the front doors go by signing name.
        var signingName = service is "sfn" or "stepfunctions" ? "states" : service;
        var target = cloud.Router.Services.FirstOrDefault(s => s.SigningName == signingName && s.TargetPrefix is not null);
        if (target is null)
        {
            return await UnboundTaskServices.Instance.CallAwsApiAsync(scope, service, action, parameters, cancellationToken);
        }
        var response = await cloud.Router.HandleAsync(new WireRequest
        {
            Method = "POST",
            Path = "/",
            Headers = Headers(scope, signingName, new() { ["X-Amz-Target"] = $"{target.TargetPrefix}.{action}", ["Content-Type"] = "application/x-amz-json-1.0" }),
            Body = Encoding.UTF8.GetBytes(parameters?.ToJsonString() ?? "{}"),
        }, cancellationToken);
        ThrowIfError(response);
        return response.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(response.Body);
    }

    private static Dictionary<string, string> Headers(RequestScope scope, string signingName, Dictionary<string, string> headers)
    {
        headers["Authorization"] = $"AWS4-HMAC-SHA256 Credential=AKIAFAKEAWS000000000/20240101/{scope.Region}/{signingName}/aws4_request, SignedHeaders=host, Signature=0";
        return new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Turns an error response of either JSON protocol back into the service's error.</summary>
    private static void ThrowIfError(WireResponse response)
    {
        if (response.Status < 400)
        {
            return;
        }
        string? code = response.Headers.TryGetValue("x-amzn-ErrorType", out var type) ? type.Split(':')[0] : null;
        string? message = null;
        try
        {
            if (JsonNode.Parse(response.Body) is JsonObject body)
            {
                code ??= (body["__type"] ?? body["code"])?.GetValue<string>() is { } t ? t[(t.LastIndexOf('#') + 1)..] : null;
                message = (body["message"] ?? body["Message"])?.GetValue<string>();
            }
        }
        catch (JsonException)
        {
        }
        throw new AwsServiceException(code ?? "ServiceException", message ?? Encoding.UTF8.GetString(response.Body), response.Status);
    }
}
