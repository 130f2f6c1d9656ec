"""Step Functions through FakeAws.Server with boto3: a machine that orchestrates Lambda functions,
waits a whole day and retries a flaky function, with time moved by FakeAws's admin endpoint."""
import json

from harness import Checks, admin, client

checks = Checks("stepfunctions_orchestration")


admin("reset", {})
lambda_ = client("lambda")
sfn = client("stepfunctions")
role = "arn:aws:iam::123456789012:role/orchestrator"
empty_zip = b"PK\x05\x06" + b"\x00" * 18
for name, handler in [("prepare", "Echo"), ("charge", "FailUntil")]:
    lambda_.create_function(FunctionName=name, Runtime="dotnet8", Role=role, Handler=f"FakeAws::FakeAws.Lambda.BuiltInHandlers::{handler}",
                            Code={"ZipFile": empty_zip})

definition = {
    "StartAt": "Prepare",
    "States": {
        "Prepare": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                    "Parameters": {"FunctionName": "prepare", "Payload.$": "$"}, "ResultSelector": {"order.$": "$.Payload"}, "Next": "WaitADay"},
        "WaitADay": {"Type": "Wait", "Seconds": 86400, "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
                   "InputPath": "$.order", "Retry": [{"ErrorEquals": ["InvalidOperationException"], "IntervalSeconds": 20, "MaxAttempts": 3, "BackoffRate": 2}],
                   "End": True},
    },
}
machine = sfn.create_state_machine(name="orders", definition=json.dumps(definition), roleArn=role)["stateMachineArn"]
start = admin("clock")["epochSeconds"]
# The charge service recovers 70 s after the day's wait: attempts at +0 and +20 s fail, the one at +60 s succeeds.
execution = sfn.start_execution(stateMachineArn=machine, name="order-1",
                                input=json.dumps({"until": start + 86400 + 50, "message": "Card service unavailable"}))["executionArn"]

admin("clock/advance", {"seconds": 3600})
checks.equal("running after an hour", sfn.describe_execution(executionArn=execution)["status"], "RUNNING")
events = sfn.get_execution_history(executionArn=execution)["events"]
checks.equal("waiting in WaitADay", [e["stateEnteredEventDetails"]["name"] for e in events if e["type"] == "WaitStateEntered"], ["WaitADay"])

admin("clock/advance", {"seconds": 86400})
described = sfn.describe_execution(executionArn=execution)
checks.equal("succeeded after the day and the retries", described["status"], "SUCCEEDED")
checks.equal("output is the charged order", json.loads(described["output"])["message"], "Card service unavailable")
events = sfn.get_execution_history(executionArn=execution)["events"]
failures = [e for e in events if e["type"] == "LambdaFunctionFailed"]
checks.equal("two failed attempts", len(failures), 2)
checks.equal("failure names the error", failures[0]["lambdaFunctionFailedEventDetails"]["error"], "InvalidOperationException")
checks.equal("three scheduled attempts", len([e for e in events if e["type"] == "LambdaFunctionScheduled"]), 3)
stop = described["stopDate"].timestamp() - described["startDate"].timestamp()
checks.equal("virtual duration: a day plus 20 s and 40 s of back-off", round(stop), 86400 + 60)

checks.error("start with a used name and other input", lambda: sfn.start_execution(stateMachineArn=machine, name="order-1", input="{}"),
             "ExecutionAlreadyExists")
checks.error("describe a missing execution",
             lambda: sfn.describe_execution(executionArn=execution.replace("order-1", "order-2")), "ExecutionDoesNotExist")
checks.finish()
