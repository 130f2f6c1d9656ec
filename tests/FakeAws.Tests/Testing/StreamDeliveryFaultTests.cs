using FakeAws.Tests.Lambda;

namespace FakeAws.Tests.Testing;

/// <summary>Faults reach a stream delivery to Lambda, which the record shows with its caller.</summary>
public class StreamDeliveryFaultTests : EventSourceMappingTestBase
{
    [Test]
    public async Task AThrottledDelivery_IsRetried_AndRecordedWithItsCaller()
    {
        var stream = await CreateStreamTableAsync("orders");
        AddRecorder("project");
        await MapAsync(stream, "project");
        var fault = Aws.Faults.Add(new FaultRule { Service = "lambda", Operation = "Invoke", Throttle = true, Times = 1 });

        await PutAsync("orders", "a");
        await Aws.RunUntilIdleAsync();

        Assert.That(Batches(), Is.EqualTo(new[] { new[] { "a" } }));
        var invokes = Aws.Calls.Of("lambda", "Invoke");
        Assert.That(invokes.Select(c => c.ErrorCode), Is.EqualTo(new[] { "TooManyRequestsException", null }));
        Assert.That(invokes.Select(c => c.Caller).Distinct(), Is.EqualTo(new[] { "lambda.amazonaws.com" }));
        Assert.That(invokes[0].Fault, Is.SameAs(fault));
        Assert.That(Aws.Calls.LambdaPayloads("project"), Has.Count.EqualTo(2));
    }
}
