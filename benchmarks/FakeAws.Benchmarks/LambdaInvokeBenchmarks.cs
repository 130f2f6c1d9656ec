using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// A small synchronous invoke of an in-process echo function: through the restJson1 wire front door
/// (an HttpClient over the cloud's in-memory handler, as an SDK client sends it) against the engine
/// call other engines make.
/// </summary>
[MemoryDiagnoser]
public class LambdaInvokeBenchmarks
{
    private static readonly byte[] Payload = """{"orderId":"o-42","amount":12.5,"items":["a","b"]}"""u8.ToArray();

    private FakeAwsCloud _cloud = null!;
    private HttpClient _http = null!;
    private RequestScope _scope;

    [GlobalSetup]
    public void Setup()
    {
        _cloud = new FakeAwsCloud();
        _cloud.Lambda.AddFunction("echo", (JsonElement input) => input);
        _http = new HttpClient(_cloud.CreateHttpMessageHandler()) { BaseAddress = new Uri(_cloud.ServiceUrl) };
        _scope = new RequestScope(_cloud.Options.AccountId, _cloud.Options.Region);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _cloud.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Engine Invoke")]
    public async Task<byte[]> Engine() =>
        (await _cloud.Lambda.Engine.Invoke(_scope, new InvocationRequest { FunctionName = "echo", Payload = Payload }, CancellationToken.None)).Payload!;

    [Benchmark(Description = "Wire: POST .../invocations over the in-memory handler")]
    public async Task<byte[]> Wire()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/2015-03-31/functions/echo/invocations") { Content = new ByteArrayContent(Payload) };
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAFAKEAWS000000000/20300101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await _http.SendAsync(request);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
