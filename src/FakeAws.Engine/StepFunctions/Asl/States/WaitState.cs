using System.Text.Json.Nodes;
using FakeAws.Engine.StepFunctions.Json;
using FakeAws.Engine.StepFunctions.Runtime;

namespace FakeAws.Engine.StepFunctions.Asl.States;

/// <summary>Waits on the virtual clock for some seconds or until a timestamp, then passes its input on.</summary>
internal sealed class WaitState : StateNode
{
    public override string Type => "Wait";

    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    /// <summary>JSONata: Seconds written as an expression.</summary>
    public JsonataTemplate? SecondsExpression { get; init; }

    /// <summary>JSONata: Timestamp written as an expression.</summary>
    public JsonataTemplate? TimestampExpression { get; init; }

    public override async Task<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var clock = run.Run.Cloud.Clock;
        var delay = TimeSpan.Zero;
        if (Seconds is { } seconds)
        {
            delay = TimeSpan.FromSeconds(seconds);
        }
        else if (Timestamp is { } at)
        {
            delay = at - clock.GetUtcNow();
        }
        else if (SecondsPath is not null)
        {
            delay = TimeSpan.FromSeconds(ReadSeconds(run, input, SecondsPath));
        }
        else if (TimestampPath is not null)
        {
            delay = ReadTimestamp(run, input, TimestampPath) - clock.GetUtcNow();
        }
        else if (SecondsExpression is not null)
        {
            var evaluated = run.Evaluate(SecondsExpression, run.StatesVariable(input), "integer", v => JsonValues.TryGetInteger(v, out var s) && s >= 0);
            delay = TimeSpan.FromSeconds(JsonValues.AsDouble(evaluated!));
        }
        else if (TimestampExpression is not null)
        {
            delay = EvaluateTimestamp(run, input, TimestampExpression) - clock.GetUtcNow();
        }
        // TestState checks the wait but does not sit it out.
        if (delay > TimeSpan.Zero && run.Run.Test is null)
        {
            await clock.Delay(delay, run.Frame.Cancellation);
        }
        if (IsJsonata)
        {
            var states = run.StatesVariable(input);
            run.Assign(JsonataAssign, states);
            return new StateResult(Output is null ? input : run.Evaluate(Output, states));
        }
        run.Assign(Assign, input);
        return new StateResult(input);
    }

    private static long ReadSeconds(StateRun run, JsonNode? input, JsonPath path)
    {
        var value = Select(run, input, path);
        if (!JsonValues.TryGetInteger(value, out var seconds))
        {
            throw run.RuntimeError($"The SecondsPath parameter cannot be parsed as a long value: {path.Text} == {Printed(value)}");
        }
        if (seconds < 0)
        {
            throw run.RuntimeError($"The SecondsPath parameter references a negative value: {path.Text} == {seconds}");
        }
        return seconds;
    }

    private static DateTimeOffset ReadTimestamp(StateRun run, JsonNode? input, JsonPath path)
    {
        var value = Select(run, input, path);
        if (JsonValues.AsString(value) is { } text && Timestamps.TryParse(text, out var at))
        {
            return at;
        }
        throw run.RuntimeError(
            $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {path.Text} == {Printed(value)}");
    }

    /// <summary>
    /// JSONata: a Timestamp that is not a string fails the type check like any JSONata field; a
    /// string that is not a timestamp fails with the Timestamp field's own format message.
    /// </summary>
    private static DateTimeOffset EvaluateTimestamp(StateRun run, JsonNode? input, JsonataTemplate expression)
    {
        var text = run.Evaluate(expression, run.StatesVariable(input), "string", JsonValues.IsString)!.GetValue<string>();
        if (Timestamps.TryParse(text, out var at))
        {
            return at;
        }
        throw run.QueryError(expression.Field,
            $"The Timestamp parameter does not reference a valid ISO-8601 extended offset date-time format string: {expression.ExpressionText ?? text} == {text}");
    }

    /// <summary>A value as AWS prints it in Wait errors: a string as its bare text, anything else as JSON.</summary>
    private static string Printed(JsonNode? value) => JsonValues.AsString(value) ?? JsonValues.Serialize(value);

    private static JsonNode? Select(StateRun run, JsonNode? input, JsonPath path)
    {
        try
        {
            return run.For(input).Select(path);
        }
        catch (JsonPathNotFoundException e)
        {
            throw run.RuntimeError($"Invalid path '{path.Text}' : {e.Message}");
        }
    }
}
