using FakeAws.Engine.Core;
namespace FakeAws.Tests.TypedHelpers;

public class LambdaInvokeHelperTests
{
    private sealed record Order(string Id, decimal Amount);

    private sealed record Priced(string Id, decimal Total);

    [Test]
    public async Task InvokeAsync_SerializesThePayload_AndReadsTheResponse()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("price", (Order o) => new Priced(o.Id, o.Amount * 1.2m));

        var reply = await aws.Lambda.InvokeAsync("price", new Order("o-1", 10m));

        Assert.That(reply.StatusCode, Is.EqualTo(200));
        Assert.That(reply.Succeeded, Is.True);
        Assert.That(reply.ExecutedVersion, Is.EqualTo("$LATEST"));
        Assert.That(reply.PayloadAs<Priced>(), Is.EqualTo(new Priced("o-1", 12.0m)));
        Assert.That(reply.Log, Does.Contain("REPORT RequestId"));
    }

    [Test]
    public async Task InvokeAsync_AFunctionThatThrows_IsAnAnswerWithFunctionError()
    {
        using var aws = new FakeAwsCloud();
        aws.Lambda.AddFunction("broken", new Func<Order, Priced>(_ => throw new InvalidOperationException("no stock")));

        var reply = await aws.Lambda.InvokeAsync("broken", """{"Id": "o-1", "Amount": 1}""");

        Assert.That(reply.FunctionError, Is.EqualTo("Unhandled"));
        Assert.That(reply.Payload, Does.Contain("no stock"));
    }

    [Test]
    public void InvokeAsync_AMissingFunction_IsLambdasError()
    {
        using var aws = new FakeAwsCloud();

        var error = Assert.ThrowsAsync<AwsServiceException>(() => aws.Lambda.InvokeAsync("nowhere"));

        Assert.That(error!.Code, Is.EqualTo("ResourceNotFoundException"));
    }
}
