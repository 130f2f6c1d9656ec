using System.Net.Http;
using FakeAws.Lambda;

namespace FakeAws.Tour;

/// <summary>A Lambda function whose code is a delegate in this process, invoked as AWS would invoke it.</summary>
internal static class LambdaStop
{
    private sealed record Order(string Id, decimal Total);

    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("price", (Order order, LambdaContext context) =>
        {
            context.Logger.LogLine($"pricing {order.Id}");
            return new { order.Id, WithTax = order.Total * 1.2m, Remaining = context.RemainingTime.TotalSeconds };
        }, f => f.Timeout = 10);
        aws.Lambda.AddFunction("slow", async (LambdaContext context) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), aws.Clock); // one virtual minute: no real wait
            return "done";
        }, f => f.Timeout = 5);

        var priced = await aws.Lambda.InvokeAsync("price", new Order("o-1", 10m));
        Stop.Say($"Invoke price -> {priced.StatusCode} {priced.Payload}");

        var slow = await aws.Lambda.InvokeAsync("slow");
        Stop.Say($"Invoke slow -> {slow.StatusCode}, FunctionError {slow.FunctionError}: {slow.Payload}");

        // Anything without a typed helper goes over the wire: CreateFunction, as an AmazonLambdaClient sends it.
        using var lambda = new RawAws(aws, "lambda");
        var tooBig = await lambda.SendAsync(HttpMethod.Post, "/2015-03-31/functions", new { FunctionName = "huge", Runtime = "dotnet8", Role = "arn:aws:iam::123456789012:role/r", Handler = "x", MemorySize = 20000, Code = new { ZipFile = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==" } });
        Stop.Say($"CreateFunction with 20000 MB -> {tooBig.Status} {tooBig.Body}");
    }
}
