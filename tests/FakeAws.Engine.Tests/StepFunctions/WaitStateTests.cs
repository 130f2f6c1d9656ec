namespace FakeAws.Engine.Tests.StepFunctions;

public class WaitStateTests
{
    private static string Machine(string wait) =>
        """{"StartAt": "W", "States": {"W": {"Type": "Wait", """ + wait + """, "Next": "Done"}, "Done": {"Type": "Pass", "End": true}}}""";

    [Test]
    public async Task Wait_OneYear_FinishesWhenTheCloudRunsUntilIdle()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(Machine("\"Seconds\": 31536000")));
        await sfn.Clock.RunUntilIdleAsync();
        var execution = sfn.Describe(arn);
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(execution.Events[2].Timestamp - execution.Events[1].Timestamp, Is.EqualTo(TimeSpan.FromDays(365)));
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime.AddDays(365)));
    }

    [Test]
    public async Task Wait_Seconds_WaitsOnTheVirtualClockUntilItIsAdvanced()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(Machine("\"Seconds\": 60")));
        await sfn.Clock.RunUntilIdleAsync(TimeSpan.Zero);
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("RUNNING"));
        sfn.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("RUNNING"));
        sfn.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
    }

    [Test]
    public async Task Wait_TimestampPath_WaitsUntilThatTime()
    {
        var sfn = new SfnHarness();
        var arn = sfn.Start(sfn.Create(Machine("\"TimestampPath\": \"$.until\"")), """{"until": "2024-01-02T00:00:00Z"}""");
        await sfn.Clock.RunUntilIdleAsync();
        Assert.That(sfn.Describe(arn).Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(sfn.Clock.GetUtcNow(), Is.EqualTo(SfnHarness.StartTime.AddDays(1)));
    }

    [Test]
    public async Task Wait_TimestampInThePast_DoesNotWait()
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"Timestamp\": \"2000-01-01T00:00:00Z\""));
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
        Assert.That(execution.Events[^1].Timestamp, Is.EqualTo(SfnHarness.StartTime));
    }

    [TestCase("-1", "The SecondsPath parameter references a negative value: $.s == -1")]
    [TestCase("1.5", "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")]
    [TestCase("\"10\"", "The SecondsPath parameter cannot be parsed as a long value: $.s == 10")]
    public async Task Wait_BadSecondsPath_FailsWithAwsCause(string seconds, string detail)
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"SecondsPath\": \"$.s\""), $$"""{"s": {{seconds}}}""");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Is.EqualTo($"An error occurred while executing the state 'W' (entered at the event id #2). {detail}"));
    }

    // AWS prints a string value bare, without quotes (LocalStack's AWS-validated test_wait_timestamppath).
    [TestCase("\"tomorrow\"", "tomorrow")]
    [TestCase("\"2024-01-01T00:00:00\"", "2024-01-01T00:00:00")]
    [TestCase("\"2024-01-01T00:00:00.000000\"", "2024-01-01T00:00:00.000000")]
    [TestCase("5", "5")]
    public async Task Wait_BadTimestampPath_FailsWithTheValueAsAwsPrintsIt(string value, string printed)
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"TimestampPath\": \"$.t\""), $$"""{"t": {{value}}}""");
        Assert.That(execution.Error, Is.EqualTo("States.Runtime"));
        Assert.That(execution.Cause, Is.EqualTo(
            "An error occurred while executing the state 'W' (entered at the event id #2). " +
            $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == {printed}"));
    }

    [TestCase("2000-01-01T00:00:00Z")]
    [TestCase("2000-01-01T00:00:00.000000Z")]
    [TestCase("2000-01-01T00:00:00.00Z")]
    public async Task Wait_TimestampPathWithAnyFractionOfSeconds_IsAccepted(string timestamp)
    {
        var execution = await new SfnHarness().RunAsync(Machine("\"TimestampPath\": \"$.t\""), $$"""{"t": "{{timestamp}}"}""");
        Assert.That(execution.Status, Is.EqualTo("SUCCEEDED"));
    }

    [Test]
    public async Task JsonataTimestamp_NotAString_FailsTheTypeCheck()
    {
        var execution = await new SfnHarness().RunAsync(JsonataMachine("{% $states.input.t %}"), """{"t": 5}""");
        Assert.That(execution.Error, Is.EqualTo("States.QueryEvaluationError"));
        Assert.That(execution.Cause, Does.EndWith(
            "The JSONata expression '$states.input.t' specified for the field 'Timestamp' returned an unexpected result type. Expected 'string', but was 'number' for value: 5"));
    }

    [Test]
    public async Task JsonataTimestamp_StringThatIsNotATimestamp_FailsTheFormatCheck()
    {
        var execution = await new SfnHarness().RunAsync(JsonataMachine("{% $states.input.t %}"), """{"t": "tomorrow"}""");
        Assert.That(execution.Error, Is.EqualTo("States.QueryEvaluationError"));
        Assert.That(execution.Cause, Does.EndWith(
            "The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: $states.input.t == tomorrow"));
        Assert.That(execution.Events.Single(e => e.Type == "EvaluationFailed").EvaluationFailedEventDetails!.Location, Is.EqualTo("Timestamp"));
    }

    private static string JsonataMachine(string timestamp) =>
        """{"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": """
        + "\"" + timestamp + "\"" + """, "End": true}}}""";
}
