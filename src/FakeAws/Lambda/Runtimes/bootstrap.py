# FakeAws's runtime interface client for python3.x functions: what AWS's awslambdaric does, in the
# standard library only. It imports the handler from LAMBDA_TASK_ROOT (and the layers' paths on
# PYTHONPATH), then polls the Runtime API at AWS_LAMBDA_RUNTIME_API for events, forever.
import importlib
import json
import os
import sys
import time
import traceback
import urllib.request

API = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"
# FakeAws reads stdout and stderr as they come. This line, never logged, tells it that everything the
# handler printed for a request has been read, so LogResult holds the handler's last lines.
LOG_END = "__FAKEAWS_LOG_END__ "


def post(path, body, error_type=None):
    headers = {"Content-Type": "application/json"}
    if error_type:
        headers["Lambda-Runtime-Function-Error-Type"] = error_type
    request = urllib.request.Request(API + path, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        response.read()


def end_output(request_id):
    # The handler prints to sys.stdout (buffered in a pipe); the marks go to the process's own streams,
    # which a handler may have replaced.
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    for stream in (sys.__stdout__, sys.__stderr__):
        stream.write(LOG_END + request_id + "\n")
        stream.flush()


def error_document(error, error_type=None, request_id=None):
    document = {
        "errorMessage": str(error),
        "errorType": error_type or type(error).__name__,
        "requestId": request_id or "",
        "stackTrace": traceback.format_list(traceback.extract_tb(error.__traceback__)),
    }
    return json.dumps(document).encode("utf-8")


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        self.invoked_function_arn = headers["Lambda-Runtime-Invoked-Function-Arn"]
        self.function_name = os.environ["AWS_LAMBDA_FUNCTION_NAME"]
        self.function_version = os.environ["AWS_LAMBDA_FUNCTION_VERSION"]
        self.memory_limit_in_mb = os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]
        self.log_group_name = os.environ["AWS_LAMBDA_LOG_GROUP_NAME"]
        self.log_stream_name = os.environ["AWS_LAMBDA_LOG_STREAM_NAME"]
        self.identity = None
        client_context = headers.get("Lambda-Runtime-Client-Context")
        self.client_context = json.loads(client_context) if client_context else None
        # The deadline is on FakeAws's clock; what is left is measured from now on this process's clock.
        left = int(headers["Lambda-Runtime-Deadline-Ms"]) - int(headers.get("X-FakeAws-Now-Ms", headers["Lambda-Runtime-Deadline-Ms"]))
        self._deadline = time.monotonic() * 1000 + left

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline - time.monotonic() * 1000))


def load_handler():
    handler = os.environ["_HANDLER"]
    module_name, _, function_name = handler.rpartition(".")
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except Exception as error:
        message = "Unable to import module '%s': %s" % (module_name, error)
        post("/init/error", json.dumps({"errorMessage": message, "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}).encode("utf-8"), "Runtime.ImportModuleError")
        sys.exit(1)
    function = getattr(module, function_name, None)
    if function is None:
        message = "Handler '%s' missing on module '%s'" % (function_name, module_name)
        post("/init/error", json.dumps({"errorMessage": message, "errorType": "Runtime.HandlerNotFound", "requestId": "", "stackTrace": []}).encode("utf-8"), "Runtime.HandlerNotFound")
        sys.exit(1)
    return function


def main():
    sys.path.insert(0, os.environ["LAMBDA_TASK_ROOT"])
    handler = load_handler()
    while True:
        with urllib.request.urlopen(API + "/invocation/next") as response:
            event = json.loads(response.read() or b"null")
            headers = dict(response.headers.items())
        context = Context(headers)
        request_id = context.aws_request_id
        try:
            result = handler(event, context)
            body = json.dumps(result).encode("utf-8")
        except Exception as error:
            end_output(request_id)
            post("/invocation/%s/error" % request_id, error_document(error, request_id=request_id), "Unhandled")
            continue
        end_output(request_id)
        post("/invocation/%s/response" % request_id, body)


main()
