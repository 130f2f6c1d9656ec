using Amazon.Lambda.Core;

namespace FakeAws.Tests.Lambda;

public sealed record Order(string Id, decimal Amount);

public sealed record Receipt(string OrderId, string Status, string FunctionName, int MemoryLimitInMB);

/// <summary>A Lambda project's handler type, as a user writes it against Amazon.Lambda.Core.</summary>
public class OrderFunction
{
    private readonly int _instance;
    private int _calls;
    private static int s_instances;

    public OrderFunction() => _instance = Interlocked.Increment(ref s_instances);

    public Receipt Handle(Order order, ILambdaContext context)
    {
        context.Logger.LogInformation($"order {order.Id}");
        context.Logger.Log(LogLevel.Warning, $"call {++_calls} of instance {_instance}");
        return new Receipt(order.Id, order.Amount > 100 ? "review" : "accepted", context.FunctionName, context.MemoryLimitInMB);
    }

    public static async Task<string> ReadAsync(Stream input)
    {
        using var reader = new StreamReader(input);
        return (await reader.ReadToEndAsync()).ToUpperInvariant();
    }
}

/// <summary>A handler type whose constructor throws: an init error.</summary>
public class BrokenFunction
{
    public BrokenFunction() => throw new InvalidOperationException("missing configuration");

    public string Handle(string input) => input;
}
