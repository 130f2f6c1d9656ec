using System.Buffers.Binary;
using System.Text;

namespace FakeAws.Tests.Lambda;

/// <summary>InvokeWithResponseStream: the response as AWS's event stream, PayloadChunk then InvokeComplete.</summary>
public class ResponseStreamTests : LambdaTestBase
{
    /// <summary>The event types of the stream's messages, read from their framing.</summary>
    private static List<(string EventType, string Payload)> Events(byte[] body)
    {
        var events = new List<(string, string)>();
        for (var offset = 0; offset < body.Length;)
        {
            var total = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset));
            var headersLength = BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(offset + 4));
            var headers = Encoding.UTF8.GetString(body, offset + 12, headersLength);
            var eventType = headers.Contains("PayloadChunk", StringComparison.Ordinal) ? "PayloadChunk" : "InvokeComplete";
            events.Add((eventType, Encoding.UTF8.GetString(body, offset + 12 + headersLength, total - 16 - headersLength)));
            offset += total;
        }
        return events;
    }

    [Test]
    public async Task Success_PayloadChunkThenInvokeComplete()
    {
        await Wire.CreateFunction("echo", Echo);

        var reply = await Wire.Post("/2021-11-15/functions/echo/response-streaming-invocations", new { hello = "world" });

        Assert.That((int)reply.Status, Is.EqualTo(200));
        Assert.That(reply.Header("Content-Type"), Is.EqualTo("application/vnd.amazon.eventstream"));
        Assert.That(Events(reply.Body), Is.EqualTo(new[] { ("PayloadChunk", """{"hello":"world"}"""), ("InvokeComplete", "{}") }));
    }

    [Test]
    public async Task FunctionError_OnlyInvokeCompleteWithTheErrorsTypeAndMessage()
    {
        Aws.Lambda.AddFunction("fails", new Func<System.Text.Json.JsonElement, string>(_ => throw new InvalidOperationException("broken")));

        var reply = await Wire.Post("/2021-11-15/functions/fails/response-streaming-invocations", new { });

        Assert.That(Events(reply.Body), Is.EqualTo(new[] { ("InvokeComplete", """{"ErrorCode":"InvalidOperationException","ErrorDetails":"broken"}""") }));
    }

    private const string Streaming = """
        exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
          for (const word of event.words) {
            responseStream.write(word);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          if (event.fail) throw new RangeError("after " + event.words.length);
          responseStream.end();
        });
        """;

    [Test]
    public async Task NodeStreamifyResponse_OnePayloadChunkPerWrite()
    {
        await Wire.CreateFunction("streams", "index.handler", runtime: "nodejs20.x", zip: ProcessRuntimeTests.Zip(("index.js", Streaming)));

        var reply = await Wire.Post("/2021-11-15/functions/streams/response-streaming-invocations", new { words = new[] { "one ", "two ", "three" } });

        Assert.That(Events(reply.Body), Is.EqualTo(new[] { ("PayloadChunk", "one "), ("PayloadChunk", "two "), ("PayloadChunk", "three"), ("InvokeComplete", "{}") }));
    }

    [Test]
    public async Task NodeStreamifyResponse_InvokeReturnsTheWritesTogether()
    {
        await Wire.CreateFunction("streams", "index.handler", runtime: "nodejs20.x", zip: ProcessRuntimeTests.Zip(("index.js", Streaming)));

        var reply = await Wire.Invoke("streams", """{"words":["a","b"]}""");

        Assert.That(reply.Text, Is.EqualTo("ab"));
    }

    [Test]
    public async Task NodeStreamifyResponse_ErrorAfterWrites_TheWritesThenInvokeCompleteWithTheError()
    {
        await Wire.CreateFunction("streams", "index.handler", runtime: "nodejs20.x", zip: ProcessRuntimeTests.Zip(("index.js", Streaming)));

        var reply = await Wire.Post("/2021-11-15/functions/streams/response-streaming-invocations", new { words = new[] { "a" }, fail = true });

        Assert.That(Events(reply.Body), Is.EqualTo(new[] { ("PayloadChunk", "a"), ("InvokeComplete", """{"ErrorCode":"RangeError","ErrorDetails":"after 1"}""") }));
    }
}
