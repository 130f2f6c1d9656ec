using System.Text.Json.Serialization;

namespace FakeAws.Engine.Lambda.Model;

// The model's event union holds one PayloadChunk; a streamed response has one per write.
internal sealed partial class InvokeWithResponseStreamResponseEvent
{
    /// <summary>
    /// The PayloadChunk events in order: one per write of a streaming handler, one with the whole
    /// response for a handler that returns it; with a function error, only what a streaming handler
    /// wrote before it failed.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<InvokeResponseStreamUpdate> PayloadChunks { get; init; } = [];
}
