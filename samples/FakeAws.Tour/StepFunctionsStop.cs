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

        await aws.CallAsync("states", "CreateStateMachine", new
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

        // Starts the execution and runs the cloud's work to its end, jumping the clock over the Wait and the retries.
        var run = await aws.StepFunctions.RunExecutionAsync("orders", """{"order": "o-7"}""");

        Stop.Say($"{run.Status} after {run.StopDate - run.StartDate} of virtual time (a day's Wait, then retries after 30 s and 60 s): {run.Output}");
        Stop.Say("History: " + string.Join(", ", run.History.Select(e => e.Type).Take(8)) + ", ...");
    }
}
