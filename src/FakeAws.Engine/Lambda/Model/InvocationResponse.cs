using System.Text.Json.Serialization;

namespace FakeAws.Engine.Lambda.Model;

internal sealed partial class InvocationResponse
{
    /// <summary>The invocation's request id: Lambda answers Invoke with it as the response's request id.</summary>
    [JsonIgnore]
    public string? RequestId { get; set; }
}
