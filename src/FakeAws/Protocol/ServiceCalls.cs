using System.Text.Json;
using System.Text.Json.Nodes;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>
/// The cloud's services calling each other: a call names the target by its signing name and runs the
/// target's operation table (<see cref="Operation.ExecuteAsync"/>), so it gets the same validation,
/// behaviour and <see cref="AwsServiceException"/>s as a client's request, without HTTP.
/// </summary>
internal sealed class ServiceCalls(WireRouter router) : IServiceCalls
{
    public ValueTask<object?> CallAsync(string service, string operation, RequestScope scope, object input, CancellationToken cancellationToken) =>
        Find(service, operation).ExecuteAsync(scope, input, cancellationToken);

    public async Task<JsonNode?> CallJsonAsync(
        string service, string operation, RequestScope scope, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var (found, json) = FindJson(service, operation);
        var input = AwsJsonService.ReadInput(JsonSerializer.SerializeToUtf8Bytes(parameters ?? new JsonObject()), found.Model.InputType!, json);
        var output = await found.ExecuteAsync(scope, input, cancellationToken).ConfigureAwait(false);
        return output is null ? new JsonObject() : JsonSerializer.SerializeToNode(output, output.GetType(), json);
    }

    private Operation Find(string service, string operation)
    {
        var front = router.Services.FirstOrDefault(s => s.Route.SigningName == service && s.Operations is not null)
            ?? throw NotServed(service, operation);
        return Implemented(front.Operations!, operation);
    }

    // Input as JSON needs the service's JSON settings: the awsJson services read their whole input from the body.
    private (Operation Operation, JsonSerializerOptions Json) FindJson(string service, string operation) =>
        router.Services.Where(s => s.Route.SigningName == service).Select(s => s.Resolved).OfType<AwsJsonService>().FirstOrDefault() is { } front
            ? (Implemented(front.Operations, operation), front.Json)
            : throw NotServed(service, operation);

    private static Operation Implemented(OperationTable operations, string name)
    {
        if (!operations.TryGet(name, out var operation))
        {
            throw new AwsServiceException("UnknownOperationException", $"Unrecognized operation {name}: it is not an operation of {operations.ServiceName}.");
        }
        return operation;
    }

    private static AwsServiceException NotServed(string service, string operation) =>
        new("ServiceException", $"FakeAws has no {service} service in this cloud, so {operation} cannot be called.", 500);
}
