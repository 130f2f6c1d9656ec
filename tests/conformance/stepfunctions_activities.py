"""Step Functions activities through FakeAws.Server with boto3: a worker polls with GetActivityTask,
answers with SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat, and the history reads as AWS
recorded it (LocalStack's AWS-validated test_activities snapshots). Long polls and timeouts run
on FakeAws's virtual clock, read through the admin endpoint."""
import json

from harness import Checks, admin, client

checks = Checks("stepfunctions_activities")


def history_types(execution):
    return [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]


admin("reset", {})
sfn = client("stepfunctions")
role = "arn:aws:iam::123456789012:role/sfn"
activity = sfn.create_activity(name="pack-order")["activityArn"]
checks.equal("activity ARN", activity, "arn:aws:states:us-east-1:123456789012:activity:pack-order")
checks.equal("create is idempotent by name", sfn.create_activity(name="pack-order")["activityArn"], activity)


def machine(name, extra=None):
    task = {"Type": "Task", "Resource": activity, "End": True, **(extra or {})}
    definition = {"StartAt": "ActivityTask", "States": {"ActivityTask": task}}
    return sfn.create_state_machine(name=name, definition=json.dumps(definition), roleArn=role)["stateMachineArn"]


order = json.dumps({"Value1": "Hello", "Value2": "World"}, separators=(",", ":"))

# A worker takes the task and answers it.
execution = sfn.start_execution(stateMachineArn=machine("happy", {"HeartbeatSeconds": 10, "TimeoutSeconds": 60}), input=order)["executionArn"]
before = admin("clock")["epochSeconds"]
task = sfn.get_activity_task(activityArn=activity, workerName="BASE_ID_ACTIVITY_CONSUMER")
checks.equal("the worker gets the task's input", task["input"], order)
checks.equal("a waiting task is handed over without moving the clock", admin("clock")["epochSeconds"], before)
sfn.send_task_heartbeat(taskToken=task["taskToken"])
sfn.send_task_success(taskToken=task["taskToken"], output=order)
admin("run-until-idle", {})
described = sfn.describe_execution(executionArn=execution)
checks.equal("execution succeeded", described["status"], "SUCCEEDED")
checks.equal("output is the worker's", json.loads(described["output"]), json.loads(order))
events = sfn.get_execution_history(executionArn=execution)["events"]
checks.equal("history event types", [e["type"] for e in events], [
    "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited", "ExecutionSucceeded"])
checks.equal("ActivityScheduled details", events[2]["activityScheduledEventDetails"], {
    "resource": activity, "input": order, "inputDetails": {"truncated": False}, "timeoutInSeconds": 60, "heartbeatInSeconds": 10})
checks.equal("ActivityStarted names the worker", events[3]["activityStartedEventDetails"], {"workerName": "BASE_ID_ACTIVITY_CONSUMER"})
checks.equal("ActivitySucceeded details", events[4]["activitySucceededEventDetails"], {"output": order, "outputDetails": {"truncated": False}})
checks.error("answering twice", lambda: sfn.send_task_success(taskToken=task["taskToken"], output="{}"), "TaskTimedOut")

# A worker with no name; a worker that fails the task.
execution = sfn.start_execution(stateMachineArn=machine("failing"), input=order)["executionArn"]
task = sfn.get_activity_task(activityArn=activity)
sfn.send_task_failure(taskToken=task["taskToken"], error="Programmatic Error", cause=order)
admin("run-until-idle", {})
events = sfn.get_execution_history(executionArn=execution)["events"]
checks.equal("ActivityStarted without a worker name is empty", events[3]["activityStartedEventDetails"], {})
checks.equal("failure history", [e["type"] for e in events][-2:], ["ActivityFailed", "ExecutionFailed"])
checks.equal("ActivityFailed details", events[-2]["activityFailedEventDetails"], {"error": "Programmatic Error", "cause": order})
checks.equal("ExecutionFailed repeats them", events[-1]["executionFailedEventDetails"], {"error": "Programmatic Error", "cause": order})

# Nobody polls: TimeoutSeconds passes on the virtual clock.
execution = sfn.start_execution(stateMachineArn=machine("unattended", {"TimeoutSeconds": 30}), input=order)["executionArn"]
admin("run-until-idle", {})
events = sfn.get_execution_history(executionArn=execution)["events"]
checks.equal("timed out in the queue", [e["type"] for e in events][-2:], ["ActivityTimedOut", "ExecutionFailed"])
checks.equal("ActivityTimedOut error", events[-2]["activityTimedOutEventDetails"], {"error": "States.Timeout"})

# An empty long poll answers after 60 virtual seconds.
before = admin("clock")["epochSeconds"]
empty = sfn.get_activity_task(activityArn=activity, workerName="idle")
checks.equal("empty poll has no token", "taskToken" in empty, False)
checks.equal("empty poll took 60 virtual seconds", round(admin("clock")["epochSeconds"] - before), 60)

# The activity is deleted before an execution reaches it.
doomed = machine("doomed")
sfn.delete_activity(activityArn=activity)
execution = sfn.start_execution(stateMachineArn=doomed, input=order)["executionArn"]
admin("run-until-idle", {})
events = sfn.get_execution_history(executionArn=execution)["events"]
checks.equal("deleted activity history", [e["type"] for e in events], ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"])
checks.equal("deleted activity failure", events[-1]["executionFailedEventDetails"], {
    "error": "States.Runtime",
    "cause": f"An error occurred while executing the state 'ActivityTask' (entered at the event id #2). The activity {activity} does not exist."})

# The control plane.
checks.error("describe a deleted activity", lambda: sfn.describe_activity(activityArn=activity), "ActivityDoesNotExist",
             f"Activity Does Not Exist: '{activity}'")
checks.error("poll a deleted activity", lambda: sfn.get_activity_task(activityArn=activity), "ActivityDoesNotExist")
checks.error("describe with a state machine ARN", lambda: sfn.describe_activity(activityArn=doomed), "InvalidArn", f"Invalid Arn: '{doomed}'")
checks.error("create with an invalid name", lambda: sfn.create_activity(name="bad name"), "InvalidName", "Invalid Name: 'bad name'")
second = sfn.create_activity(name="ship-order", tags=[{"key": "team", "value": "ops"}])["activityArn"]
checks.equal("tags of an activity", sfn.list_tags_for_resource(resourceArn=second)["tags"], [{"key": "team", "value": "ops"}])
described = sfn.describe_activity(activityArn=second)
checks.equal("describe names it", (described["activityArn"], described["name"]), (second, "ship-order"))
checks.equal("list activities", [a["name"] for a in sfn.list_activities()["activities"]], ["ship-order"])
checks.finish()
