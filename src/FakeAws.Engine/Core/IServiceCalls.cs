using System.Text.Json.Nodes;

namespace FakeAws.Engine.Core;

/// <summary>
/// One service of the cloud calling another in process: a typed call into the target service's
/// operation table, with the request's scope (account, region and the calling service), that runs the
/// target's validation and behaviour exactly as a client's call does. Failures come back as the target's
/// <see cref="AwsServiceException"/>. No HTTP request is built and no signature is forged.
/// </summary>
internal interface IServiceCalls
{
    /// <summary>Runs <paramref name="operation"/> of <paramref name="service"/> with a typed input shape of that service's model.</summary>
    /// <param name="service">The service's signing name: <c>dynamodb</c>, <c>lambda</c>, <c>states</c>, <c>cognito-idp</c>, ...</param>
    /// <param name="operation">The operation, named as AWS names the action, for example <c>Invoke</c>.</param>
    /// <param name="scope">Where the call acts, and <see cref="RequestScope.Caller"/> naming the calling service.</param>
    /// <param name="input">The operation's input shape.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The operation's output shape.</returns>
    /// <exception cref="AwsServiceException">The target service's error, or an unknown or unsupported service or operation.</exception>
    ValueTask<object?> CallAsync(string service, string operation, RequestScope scope, object input, CancellationToken cancellationToken);

    /// <summary>
    /// Runs an operation whose input is JSON with the member names of the service's model, as Step
    /// Functions' service integrations write it, and returns the output in the same form.
    /// </summary>
    /// <param name="service">The service's signing name.</param>
    /// <param name="operation">The operation, named as AWS names the action.</param>
    /// <param name="scope">Where the call acts, and who calls.</param>
    /// <param name="parameters">The input as JSON; null for an empty input.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    Task<JsonNode?> CallJsonAsync(string service, string operation, RequestScope scope, JsonNode? parameters, CancellationToken cancellationToken);
}

/// <summary>The typed form of <see cref="IServiceCalls.CallAsync"/>.</summary>
internal static class ServiceCallExtensions
{
    /// <summary>Runs an operation with a typed input and output.</summary>
    public static async Task<TOut> CallAsync<TIn, TOut>(
        this IServiceCalls calls, string service, string operation, RequestScope scope, TIn input, CancellationToken cancellationToken = default)
        where TIn : class
        where TOut : class, new() =>
        await calls.CallAsync(service, operation, scope, input, cancellationToken).ConfigureAwait(false) as TOut ?? new TOut();
}

/// <summary>The calls of an engine used on its own, outside a cloud: every call fails, naming what is missing.</summary>
internal sealed class UnboundServiceCalls : IServiceCalls
{
    public static readonly UnboundServiceCalls Instance = new();

    public ValueTask<object?> CallAsync(string service, string operation, RequestScope scope, object input, CancellationToken cancellationToken) =>
        throw Unbound(service, operation);

    public Task<JsonNode?> CallJsonAsync(string service, string operation, RequestScope scope, JsonNode? parameters, CancellationToken cancellationToken) =>
        throw Unbound(service, operation);

    private static AwsServiceException Unbound(string service, string operation) =>
        new("ServiceException", $"FakeAws has no {service} service in this cloud, so {operation} cannot be called.", 500);
}
