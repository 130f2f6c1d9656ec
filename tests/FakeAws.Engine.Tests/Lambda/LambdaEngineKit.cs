using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Code;
using FakeAws.Engine.Lambda.Model;
using Microsoft.Extensions.Time.Testing;

namespace FakeAws.Engine.Tests.Lambda;

/// <summary>A Lambda engine on a fake clock, with code given as plain functions.</summary>
internal sealed class LambdaEngineKit
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public LambdaEngineKit()
    {
        Clock = new VirtualClock(new FakeTimeProvider(Start));
        Cloud = new CloudContext("123456789012", "us-east-1", Clock);
        Engine = new LambdaEngine(Cloud, new LambdaOptions(), new NoResolver());
    }

    public VirtualClock Clock { get; }

    public CloudContext Cloud { get; }

    public LambdaEngine Engine { get; }

    public RequestScope Scope { get; } = new("123456789012", "us-east-1");

    public void Add(string name, Func<byte[], LambdaInvocation, Task<byte[]>> handler, int timeout = 3) =>
        Engine.AddFunction(Scope, new CreateFunctionRequest
        {
            FunctionName = name,
            Runtime = "dotnet8",
            Role = "arn:aws:iam::123456789012:role/r",
            Handler = name,
            Timeout = timeout,
        }, new Code(name, handler)).GetAwaiter().GetResult();

    private sealed class Code(string name, Func<byte[], LambdaInvocation, Task<byte[]>> handler) : ILambdaCode, ILambdaHandler
    {
        public string Identity => name;

        public Task<ILambdaHandler> InitializeAsync(LambdaInit init) => Task.FromResult<ILambdaHandler>(this);

        public Task<byte[]> InvokeAsync(byte[] payload, LambdaInvocation invocation) => handler(payload, invocation);
    }

    /// <summary>A small deployment package with one Python file.</summary>
    public static byte[] SmallZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(archive.CreateEntry("python/lib.py").Open());
            writer.Write("VALUE = 1\n");
        }
        return buffer.ToArray();
    }

    /// <summary>Code for functions a test creates but never invokes.</summary>
    public sealed class NeverRuns : ILambdaCode
    {
        public string Identity => "never-runs";

        public Task<ILambdaHandler> InitializeAsync(LambdaInit init) => throw new InvalidOperationException("This test never invokes the function.");
    }

    private sealed class NoResolver : ILambdaCodeResolver
    {
        public ILambdaCode Resolve(string? handler, string? runtime) => throw new InvalidOperationException("These tests bind code directly.");
    }
}
