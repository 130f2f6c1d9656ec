using System.Text.Json;
using FakeAws.Engine.Core;

namespace FakeAws.Protocol;

/// <summary>One AWS service's front door on the wire.</summary>
internal interface IWireService
{
    /// <summary>How the router recognises the front door's requests.</summary>
    WireRoute Route { get; }

    /// <summary>The front door that answers: itself, or for a <see cref="DeferredFrontDoor"/> the one it builds.</summary>
    IWireService Resolved => this;

    /// <summary>Answers one request.</summary>
    Task<WireResponse> HandleAsync(WireRequest request, RequestScope scope, CancellationToken cancellationToken);

    /// <summary>Every operation of the service's model, implemented or not; null for front doors that are not an AWS API.</summary>
    OperationTable? Operations => null;

    /// <summary>The service's JSON settings for its input and output shapes; null for front doors that are not an AWS API.</summary>
    JsonSerializerOptions? Json => null;

    /// <summary>
    /// Answers with <paramref name="error"/> a request the front door refused before the service read it
    /// (a signature that does not verify, a body that does not decode), in the service's error format:
    /// by default a JSON message and the error's code in <c>X-Amzn-ErrorType</c>.
    /// </summary>
    WireResponse Refuse(AwsServiceException error)
    {
        var response = WireResponse.Json(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["message"] = error.Message }),
            "application/json", error.StatusCode);
        response.Headers["X-Amzn-ErrorType"] = error.Code;
        return response;
    }

    /// <summary>Whether large responses go gzip-compressed to clients that accept it, as DynamoDB's do.</summary>
    bool CompressesResponses => false;

    /// <summary>The most bytes a request body may have, before or after decoding, or null when the front door sets no limit (the service may).</summary>
    int? MaxRequestBytes => null;
}
