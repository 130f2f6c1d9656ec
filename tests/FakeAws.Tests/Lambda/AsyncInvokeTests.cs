using System.Text.Json;
using Amazon.Lambda.Core;

namespace FakeAws.Tests.Lambda;

/// <summary>Asynchronous invocation: retries on the virtual clock, event age, destinations.</summary>
public class AsyncInvokeTests : LambdaTestBase
{
    private readonly List<(DateTimeOffset At, string RequestId)> _attempts = [];
    private readonly List<JsonElement> _records = [];

    [SetUp]
    public void AddFunctions()
    {
        _attempts.Clear();
        _records.Clear();
        Aws.Lambda.AddFunction("flaky", (JsonElement input, ILambdaContext context) =>
        {
            _attempts.Add((Aws.Clock.GetUtcNow(), context.AwsRequestId));
            return input.TryGetProperty("fail", out _) ? throw new InvalidOperationException("flaked") : "fine";
        });
        Aws.Lambda.AddFunction("sink", (JsonElement record) => _records.Add(record.Clone()));
    }

    [Test]
    public async Task Event_FunctionError_RetriedTwiceAfterOneThenTwoMinutesWithTheSameRequestId()
    {
        await Wire.Invoke("flaky", "{\"fail\":true}", type: "Event");

        await Aws.RunUntilIdleAsync();

        Assert.That(_attempts.Select(a => a.At), Is.EqualTo(new[] { Start, Start.AddMinutes(1), Start.AddMinutes(3) }));
        Assert.That(_attempts.Select(a => a.RequestId).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task Event_RetriesExhausted_OnFailureDestinationGetsTheInvocationRecord()
    {
        await Wire.Put("/2019-09-25/functions/flaky/event-invoke-config",
            new { MaximumRetryAttempts = 1, DestinationConfig = new { OnFailure = new { Destination = Arn("sink") } } });

        await Wire.Invoke("flaky", "{\"fail\":true}", type: "Event");
        await Aws.RunUntilIdleAsync();

        Assert.That(_attempts, Has.Count.EqualTo(2));
        var record = _records.Single();
        Assert.Multiple(() =>
        {
            Assert.That(record.GetProperty("version").GetString(), Is.EqualTo("1.0"));
            Assert.That(record.GetProperty("timestamp").GetString(), Is.EqualTo("2030-06-01T12:01:00.000Z"));
            Assert.That(record.GetProperty("requestContext").GetProperty("condition").GetString(), Is.EqualTo("RetriesExhausted"));
            Assert.That(record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32(), Is.EqualTo(2));
            Assert.That(record.GetProperty("requestContext").GetProperty("functionArn").GetString(), Is.EqualTo(Arn("flaky") + ":$LATEST"));
            Assert.That(record.GetProperty("requestContext").GetProperty("requestId").GetString(), Is.EqualTo(_attempts[0].RequestId));
            Assert.That(record.GetProperty("requestPayload").GetProperty("fail").GetBoolean(), Is.True);
            Assert.That(record.GetProperty("responseContext").GetProperty("functionError").GetString(), Is.EqualTo("Unhandled"));
            Assert.That(record.GetProperty("responsePayload").GetProperty("errorMessage").GetString(), Is.EqualTo("flaked"));
        });
    }

    [Test]
    public async Task Event_Success_OnSuccessDestinationGetsTheResponse()
    {
        await Wire.Put("/2019-09-25/functions/flaky/event-invoke-config",
            new { DestinationConfig = new { OnSuccess = new { Destination = Arn("sink") } } });

        await Wire.Invoke("flaky", "{}", type: "Event");
        await Aws.RunUntilIdleAsync();

        var record = _records.Single();
        Assert.That(record.GetProperty("requestContext").GetProperty("condition").GetString(), Is.EqualTo("Success"));
        Assert.That(record.GetProperty("responsePayload").GetString(), Is.EqualTo("fine"));
        Assert.That(record.GetProperty("responseContext").GetProperty("statusCode").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Event_NoRetries_RunsOnce()
    {
        await Wire.Put("/2019-09-25/functions/flaky/event-invoke-config", new { MaximumRetryAttempts = 0 });

        await Wire.Invoke("flaky", "{\"fail\":true}", type: "Event");
        await Aws.RunUntilIdleAsync();

        Assert.That(_attempts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Event_OlderThanMaximumEventAge_DiscardedToTheFailureDestination()
    {
        // One slot, held ten minutes by the first event: the second is throttled until it is too old.
        Aws.Lambda.AddFunction("hog", async (JsonElement _) => await Task.Delay(TimeSpan.FromMinutes(10), Aws.Clock), o => o.Timeout = 900);
        await Wire.Put("/2017-10-31/functions/hog/concurrency", new { ReservedConcurrentExecutions = 1 });
        await Wire.Put("/2019-09-25/functions/hog/event-invoke-config",
            new { MaximumEventAgeInSeconds = 60, DestinationConfig = new { OnFailure = new { Destination = Arn("sink") } } });

        await Wire.Invoke("hog", "{}", type: "Event");
        await Wire.Invoke("hog", "{\"second\":true}", type: "Event");
        await Aws.RunUntilIdleAsync();

        var record = _records.Single();
        Assert.That(record.GetProperty("requestPayload").TryGetProperty("second", out _), Is.True);
        Assert.That(record.GetProperty("requestContext").GetProperty("condition").GetString(), Is.EqualTo("EventAgeExceeded"));
        Assert.That(record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32(), Is.Zero);
        Assert.That(record.TryGetProperty("responseContext", out _), Is.False);
    }

    [Test]
    public async Task Event_ReservedConcurrencyZero_FailedAtOnceToTheFailureDestination()
    {
        await Wire.Put("/2017-10-31/functions/flaky/concurrency", new { ReservedConcurrentExecutions = 0 });
        await Wire.Put("/2019-09-25/functions/flaky/event-invoke-config", new { DestinationConfig = new { OnFailure = new { Destination = Arn("sink") } } });

        await Wire.Invoke("flaky", "{}", type: "Event");
        await Aws.RunUntilIdleAsync();

        Assert.That(_attempts, Is.Empty);
        Assert.That(_records.Single().GetProperty("requestContext").GetProperty("condition").GetString(), Is.EqualTo("ZeroReservedConcurrency"));
        Assert.That(Aws.Clock.GetUtcNow(), Is.EqualTo(Start));
    }

    [Test]
    public async Task Event_AliasConfig_AppliesToEventsSentToTheAlias()
    {
        await Wire.PublishVersion("flaky");
        await Wire.Post("/2015-03-31/functions/flaky/aliases", new { Name = "live", FunctionVersion = "1" });
        await Wire.Put("/2019-09-25/functions/flaky/event-invoke-config?Qualifier=live", new { MaximumRetryAttempts = 0 });

        await Wire.Invoke("flaky", "{\"fail\":true}", type: "Event", qualifier: "live");
        await Wire.Invoke("flaky", "{\"fail\":true}", type: "Event");
        await Aws.RunUntilIdleAsync();

        Assert.That(_attempts, Has.Count.EqualTo(1 + 3));
    }
}
