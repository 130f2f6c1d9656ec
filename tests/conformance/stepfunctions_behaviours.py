"""Step Functions behaviours around AWS's recorded cases, through FakeAws.Server with boto3: intrinsic
arithmetic on non-integers, Wait's timestamp errors, when Assign takes effect, the UTF-8 payload limit
and its Catch, nesting bounds, RedriveExecution and TestState. The expected values are AWS's (LocalStack's AWS-validated snapshots) or follow from them."""
import json

from harness import Checks, admin, client

checks = Checks("stepfunctions_behaviours")
role = "arn:aws:iam::123456789012:role/behaviours"


admin("reset", {})
sfn = client("stepfunctions")
lambda_ = client("lambda")
machines = 0


def run(definition, execution_input=None):
    """Creates a machine, runs one execution to its end and returns DescribeExecution and the history."""
    global machines
    machines += 1
    arn = sfn.create_state_machine(name=f"m{machines}", definition=json.dumps(definition), roleArn=role)["stateMachineArn"]
    execution = sfn.start_execution(stateMachineArn=arn, input=json.dumps(execution_input or {}))["executionArn"]
    admin("run-until-idle", {})
    return sfn.describe_execution(executionArn=execution), sfn.get_execution_history(executionArn=execution, maxResults=1000)["events"]


def output(described):
    return json.loads(described["output"]) if "output" in described else None


# States.MathAdd rounds each operand half up before adding (AWS: 1.49 + 1.5 = 3, -2.5 + 0 = -2).
adds = [(-9, 3, -6), (1.49, 1.5, 3), (1.5, 1.51, 4), (-1.49, -1.5, -2), (-1.5, -1.51, -3), (0.5, 0, 1), (-0.5, 0.5, 1), (-2.5, 0, -2)]
described, _ = run({"StartAt": "Add", "States": {"Add": {"Type": "Pass", "Parameters": {
    f"r{i}.$": f"States.MathAdd($.v[{i}][0], $.v[{i}][1])" for i in range(len(adds))}, "End": True}}},
    {"v": [[a, b] for a, b, _ in adds]})
for i, (a, b, expected) in enumerate(adds):
    checks.equal(f"MathAdd({a}, {b})", output(described)[f"r{i}"], expected)

# Wait: a TimestampPath string that is not a date-time with a zone fails with the value printed bare.
for value in ["2024-01-01T00:00:00", "2024-01-01T00:00:00.000000", "tomorrow"]:
    described, _ = run({"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": True}}}, {"at": value})
    checks.equal(f"TimestampPath {value} error", described.get("error"), "States.Runtime")
    checks.equal(f"TimestampPath {value} cause", described.get("cause"),
                 "An error occurred while executing the state 'W' (entered at the event id #2). The TimestampPath parameter does not "
                 f"reference a valid ISO-8601 extended offset date-time format string: $.at == {value}")
for suffix in ["Z", ".000000Z", ".00Z"]:
    described, _ = run({"StartAt": "W", "States": {"W": {"Type": "Wait", "TimestampPath": "$.at", "End": True}}}, {"at": "2000-01-01T00:00:00" + suffix})
    checks.equal(f"TimestampPath with {suffix} in the past", described["status"], "SUCCEEDED")

# JSONata Timestamp: not a string is a type error, a string that is no timestamp a format error.
jsonata_wait = {"QueryLanguage": "JSONata", "StartAt": "W", "States": {"W": {"Type": "Wait", "Timestamp": "{% $states.input.at %}", "End": True}}}
described, _ = run(jsonata_wait, {"at": 5})
checks.equal("JSONata Timestamp number error", described.get("error"), "States.QueryEvaluationError")
checks.equal("JSONata Timestamp number is a type error", "Expected 'string', but was 'number' for value: 5" in described.get("cause", ""), True)
described, _ = run(jsonata_wait, {"at": "tomorrow"})
checks.equal("JSONata Timestamp string is a format error", "format string: $states.input.at == tomorrow" in described.get("cause", ""), True)

# Assign takes effect when the state ends: the state's own OutputPath reads the value from before it.
described, events = run({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Assign": {"answer": 42}, "Next": "B"},
    "B": {"Type": "Pass", "OutputPath": "$answer", "Assign": {"answer": "<omitted>"}, "Next": "C"},
    "C": {"Type": "Pass", "Parameters": {"before.$": "$", "after.$": "$answer"}, "End": True}}})
checks.equal("OutputPath sees the old value, the next state the new", output(described), {"before": 42, "after": "<omitted>"})
exited = [e["stateExitedEventDetails"] for e in events if e["type"] == "PassStateExited"]
checks.equal("assignedVariables of B", exited[1].get("assignedVariables"), {"answer": "\"<omitted>\""})

# Variables from Map and Parallel inner scopes: read outside-in, never leaked outwards.
described, _ = run({"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Assign": {"x": 42, "bias": 4.3}, "Next": "P"},
    "P": {"Type": "Parallel", "Next": "M", "ResultPath": "$.p", "Branches": [
        {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"inner.$": "$x"}, "Next": "B2"},
                                    "B2": {"Type": "Pass", "Parameters": {"inner.$": "$inner"}, "End": True}}}]},
    "M": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.m", "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "S", "States": {
        "S": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($, $bias)"}, "End": True}}}, "Next": "End"},
    "End": {"Type": "Pass", "Parameters": {"p.$": "$.p", "m.$": "$.m", "x.$": "$x"}, "End": True}}}, {"items": [1, 2]})
checks.equal("inner scopes read outer variables", output(described), {"p": [{"inner": 42}], "m": [{"sum": 5}, {"sum": 6}], "x": 42})

# A Lambda result over 256 KiB of UTF-8 is States.DataLimitExceeded, and States.ALL catches it.
empty_zip = b"PK\x05\x06" + b"\x00" * 18
lambda_.create_function(FunctionName="fill", Runtime="dotnet8", Role=role, Handler="FakeAws::FakeAws.Lambda.BuiltInHandlers::Fill",
                        Code={"ZipFile": empty_zip})
described, events = run({"StartAt": "T", "States": {
    "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fill", "Payload.$": "$"},
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handled"}], "End": True},
    "Handled": {"Type": "Pass", "End": True}}}, {"bytes": 257 * 1024})
checks.equal("large result caught by States.ALL", described["status"], "SUCCEEDED")
checks.equal("caught error", output(described), {
    "Error": "States.DataLimitExceeded",
    "Cause": "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit."})

# The limit counts UTF-8 bytes: 132,000 two-byte characters are over it, 130,000 are not.
for count, status in [(132_000, "FAILED"), (130_000, "SUCCEEDED")]:
    described, _ = run({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"text": "\u00e9" * count}, "End": True}}})
    checks.equal(f"{count} two-byte characters", described["status"], status)

# RedriveExecution: a failed execution resumes from the failed state; the successful states are not rerun.
flaky = {"StartAt": "Prepare", "States": {
    "Prepare": {"Type": "Pass", "Result": 1, "ResultPath": "$.prepared", "Assign": {"seen": "yes"}, "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.fixed", "IsPresent": True, "Next": "Done"}], "Default": "Broken"},
    "Broken": {"Type": "Fail", "Error": "NotYet", "Cause": "the input has no fix"},
    "Done": {"Type": "Pass", "Parameters": {"seen.$": "$seen", "prepared.$": "$.prepared"}, "End": True}}}
described, events = run(flaky)
redrive_arn = described["executionArn"]
checks.equal("failed before the redrive", (described["status"], described["redriveStatus"], described["redriveCount"]), ("FAILED", "REDRIVABLE", 0))
redriven = sfn.redrive_execution(executionArn=redrive_arn)
checks.equal("redrive answers its date", "redriveDate" in redriven, True)
admin("run-until-idle", {})
again = sfn.describe_execution(executionArn=redrive_arn)
history = sfn.get_execution_history(executionArn=redrive_arn, maxResults=1000)["events"]
checks.equal("redriven execution fails again at the same state", (again["status"], again["error"], again["redriveCount"]), ("FAILED", "NotYet", 1))
redrive_event = next(e for e in history if e["type"] == "ExecutionRedriven")
checks.equal("ExecutionRedriven follows the closing event", (redrive_event["id"], redrive_event["previousEventId"], redrive_event["executionRedrivenEventDetails"]),
             (len(events) + 1, len(events), {"redriveCount": 1}))
checks.equal("the redrive reenters the failed state", history[len(events) + 1]["stateEnteredEventDetails"]["name"], "Broken")
checks.equal("Prepare ran once", sum(1 for e in history if e["type"] == "PassStateEntered"), 1)
listed = sfn.list_executions(stateMachineArn=again["stateMachineArn"], redriveFilter="REDRIVEN")["executions"]
checks.equal("ListExecutions REDRIVEN", [(e["executionArn"], e["redriveCount"]) for e in listed], [(redrive_arn, 1)])
checks.equal("ListExecutions NOT_REDRIVEN", sfn.list_executions(stateMachineArn=again["stateMachineArn"], redriveFilter="NOT_REDRIVEN")["executions"], [])

# A redrive of a failed distributed Map redrives its Map Run: the failed Standard child is redriven
# in place, the children that succeeded are not run again.
described, events = run({"StartAt": "M", "States": {"M": {"Type": "Map", "End": True, "ItemProcessor": {
    "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "P"},
        "F": {"Type": "Fail", "Error": "Two"}, "P": {"Type": "Pass", "End": True}}}}}}, [1, 2, 3])
map_run_arn = next(e for e in events if e["type"] == "MapRunStarted")["mapRunStartedEventDetails"]["mapRunArn"]
sfn.redrive_execution(executionArn=described["executionArn"])
admin("run-until-idle", {})
history = sfn.get_execution_history(executionArn=described["executionArn"], maxResults=1000)["events"]
checks.equal("MapRunRedriven", [e.get("mapRunRedrivenEventDetails") for e in history if e["type"] == "MapRunRedriven"],
             [{"mapRunArn": map_run_arn, "redriveCount": 1}])
map_run = sfn.describe_map_run(mapRunArn=map_run_arn)
checks.equal("DescribeMapRun after the redrive", (map_run["status"], map_run["redriveCount"], "redriveDate" in map_run, map_run["executionCounts"]["failed"]),
             ("FAILED", 1, True, 1))
children = sfn.list_executions(mapRunArn=map_run_arn)["executions"]
checks.equal("Map Run children redriven in place", sorted(c.get("redriveCount", 0) for c in children), [0, 0, 1])

described, _ = run({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
checks.equal("a succeeded execution is not redrivable", (described["redriveStatus"], described["redriveStatusReason"]),
             ("NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven"))
checks.error("redrive of a succeeded execution", lambda: sfn.redrive_execution(executionArn=described["executionArn"]),
             "ExecutionNotRedrivable", "Execution is SUCCEEDED and cannot be redriven")

# Nesting: deep intrinsics and JSONata are definition errors, not a crash of the server; input nested
# deeper than System.Text.Json's default of 64 runs; JSONata deeper than AWS's evaluation bound fails.
nested = "States.Format('{}', " * 13_999 + "States.Format('x')" + ")" * 13_999
checks.error("intrinsics nested 14,000 deep", lambda: sfn.create_state_machine(name="deep-intrinsics", roleArn=role, definition=json.dumps(
    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x.$": nested}, "End": True}}})), "InvalidDefinition")
checks.error("JSONata nested 20,000 deep", lambda: sfn.create_state_machine(name="deep-jsonata", roleArn=role, definition=json.dumps(
    {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% " + "(" * 20_000 + "1" + ")" * 20_000 + " %}", "End": True}}})),
    "InvalidDefinition")
deep_input = '{"a": ' * 65 + "1" + "}" * 65
machine = sfn.create_state_machine(name="deep-input", roleArn=role, definition=json.dumps({"StartAt": "A", "States": {"A": {"Type": "Pass", "End": True}}}))
execution = sfn.start_execution(stateMachineArn=machine["stateMachineArn"], input=deep_input)["executionArn"]
admin("run-until-idle", {})
described = sfn.describe_execution(executionArn=execution)
checks.equal("input nested 65 deep", (described["status"], described.get("output")), ("SUCCEEDED", deep_input.replace(" ", "")))
described, _ = run({"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "Output": {"r": "{% 1" + "+1" * 199 + " %}"}, "End": True}}})
checks.equal("JSONata 200 terms deep", (described["status"], described.get("error"), described.get("cause", "").split("evaluation")[-1]),
             ("FAILED", "States.QueryEvaluationError", ": Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive."))

# JSONata beyond the basics: ranges, function application, regular expressions, $reduce and $sort
# with a comparator, a predicate bound to its step (the answers are jsonata@2.0.6's).
described, _ = run({"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": True, "Output": {
    "range": "{% [1..3, 7] %}", "chain": "{% $states.input.s ~> $split(',') ~> $join('-') %}",
    "regex": "{% $replace($states.input.s, /([a-z]),/, '$1;') %}", "reduce": "{% $reduce([1..4], function($a, $b){ $a * $b }) %}",
    "sorted": "{% $sort($states.input.items, function($a, $b){ $a.v < $b.v }).v %}", "last": "{% $states.input.items.tags[-1] %}"}}}},
    {"s": "a,b,c", "items": [{"v": 1, "tags": ["p"]}, {"v": 2, "tags": ["q", "r"]}]})
checks.equal("JSONata features", output(described), {"range": [1, 2, 3, 7], "chain": "a-b-c", "regex": "a;b;c", "reduce": 24, "sorted": [2, 1], "last": ["p", "r"]})

# A JSONata syntax error is refused at definition time with jsonata's message at its field (as measured on AWS by
# floci-io/floci: INVALID_JSONATA_EXPRESSION, the S0xxx code left out).
bad = {"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Output": {"v": "{% phone[1,2) %}"}, "End": True}}}
validated = sfn.validate_state_machine_definition(definition=json.dumps(bad))
checks.equal("Validate a JSONata syntax error", (validated["result"], validated["diagnostics"]),
             ("FAIL", [{"severity": "ERROR", "code": "INVALID_JSONATA_EXPRESSION", "message": 'Expected "]", got ","', "location": "/States/E/Output/v"}]))
checks.error("Create with a JSONata syntax error", lambda: sfn.create_state_machine(name="bad-jsonata", definition=json.dumps(bad), roleArn=role),
             "InvalidDefinition", """Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Expected "]", got "," at /States/E/Output/v'""")
validated = sfn.validate_state_machine_definition(definition=json.dumps(
    {"QueryLanguage": "JSONata", "StartAt": "E", "States": {"E": {"Type": "Pass", "Output": "{% $states.input.items.(a * 2) %}", "End": True}}}))
checks.equal("Validate a JSONata map step", (validated["result"], validated["diagnostics"]), ("OK", []))

# TestState: one state, its data flow at DEBUG, and a mocked error that a retrier or a catcher handles.
# AWS serves TestState on a sync- host; the local endpoint has none.
sfn = client("stepfunctions", inject_host_prefix=False)
tested = sfn.test_state(definition=json.dumps({"Type": "Pass", "InputPath": "$.a", "Parameters": {"x.$": "$.b"}, "ResultPath": "$.r", "Next": "After"}),
                        roleArn=role, input=json.dumps({"a": {"b": 1}}), inspectionLevel="DEBUG")
checks.equal("TestState Pass", (tested["status"], tested["nextState"], json.loads(tested["output"])), ("SUCCEEDED", "After", {"a": {"b": 1}, "r": {"x": 1}}))
checks.equal("TestState DEBUG data flow", {k: json.loads(v) for k, v in tested["inspectionData"].items()},
             {"input": {"a": {"b": 1}}, "afterInputPath": {"b": 1}, "afterParameters": {"x": 1}, "afterResultPath": {"a": {"b": 1}, "r": {"x": 1}}})
task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "fill"},
        "Retry": [{"ErrorEquals": ["Boom"], "MaxAttempts": 1}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}], "End": True}
mock = {"errorOutput": {"error": "Boom", "cause": "mocked"}}
tested = sfn.test_state(definition=json.dumps(task), roleArn=role, input="{}", mock=mock)
checks.equal("TestState RETRIABLE", (tested["status"], tested["error"], tested["inspectionData"]["errorDetails"]),
             ("RETRIABLE", "Boom", {"retryIndex": 0, "retryBackoffIntervalSeconds": 1}))
tested = sfn.test_state(definition=json.dumps(task), roleArn=role, input="{}", mock=mock, stateConfiguration={"retrierRetryCount": 1})
checks.equal("TestState CAUGHT_ERROR", (tested["status"], tested["nextState"], json.loads(tested["output"])),
             ("CAUGHT_ERROR", "Handler", {"Error": "Boom", "Cause": "mocked"}))
tested = sfn.test_state(definition=json.dumps({"Type": "Fail", "Error": "E", "Cause": "C"}), roleArn=role)
checks.equal("TestState Fail", (tested["status"], tested["error"], tested["cause"]), ("FAILED", "E", "C"))
checks.error("TestState Map without a mock", lambda: sfn.test_state(definition=json.dumps(
    {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}, "End": True}), roleArn=role, input="[]"),
    "ValidationException")

checks.finish()
