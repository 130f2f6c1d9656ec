using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeAws.Tour;

/// <summary>A state machine that calls Lambda, waits a day and retries, run to its end in virtual time.</summary>
internal static class StepFunctionsStop
{
    public static async Task RunAsync()
    {
        using var aws = new FakeAwsCloud();
        var attempts = 0;
        aws.Lambda.AddFunction("charge", (JsonObject order) =>
        {
            if (++attempts < 3)
            {
                throw new TimeoutException("The card service did not answer.");
            }
            order["charged"] = true;
            return order;
        });

        using var sfn = new RawAws(aws, "states");
        var machine = await Call(sfn, "CreateStateMachine", new
        {
            name = "orders",
            roleArn = "arn:aws:iam::123456789012:role/sfn",
            definition = """
                {"StartAt": "WaitADay", "States": {
                  "WaitADay": {"Type": "Wait", "Seconds": 86400, "Next": "Charge"},
                  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "OutputPath": "$.Payload",
                    "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                    "Retry": [{"ErrorEquals": ["TimeoutException"], "IntervalSeconds": 30, "BackoffRate": 2, "MaxAttempts": 5}],
                    "End": true}}}
                """,
        });
        var execution = await Call(sfn, "StartExecution", new { stateMachineArn = machine["stateMachineArn"]!.GetValue<string>(), input = """{"order": "o-7"}""" });
        var arn = execution["executionArn"]!.GetValue<string>();
        var started = aws.Clock.GetUtcNow();

        await aws.RunUntilIdleAsync();

        var described = await Call(sfn, "DescribeExecution", new { executionArn = arn });
        Stop.Say($"{described["status"]} after {aws.Clock.GetUtcNow() - started} of virtual time (a day's Wait, then retries after 30 s and 60 s): {described["output"]}");
        var history = await Call(sfn, "GetExecutionHistory", new { executionArn = arn });
        Stop.Say("History: " + string.Join(", ", history["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Take(8)) + ", ...");
    }

    private static async Task<JsonObject> Call(RawAws sfn, string operation, object body)
    {
        var (_, text, _) = await sfn.SendAsync(HttpMethod.Post, "/", JsonSerializer.Serialize(body), $"AWSStepFunctions.{operation}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
