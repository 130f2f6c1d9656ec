"""Reserved concurrency under parallel clients of FakeAws.Server: 20 boto3 threads released together by
a barrier invoke a function with reserved concurrency 5 whose handler waits 10 s on the cloud's clock.
Exactly 5 run, 15 are throttled with AWS's 429, and the clock moves by 10 s; the burst is repeated, so
every round after the first also shows that the slots are free again.

Runs against FakeAws.Server started with `--clock manual` (FAKEAWS_ENDPOINT); ROUNDS sets the rounds (3),
THREADS the threads (20); each round prints how long its throttled answers took to come back, about
how far apart in real time the requests reached the server.
"""
import os
import threading
import time

from botocore.exceptions import ClientError
from harness import Checks, admin, client
from lambda_common import BUILT_IN, ROLE, package, start

THREADS = int(os.environ.get("THREADS", "20"))
RESERVED = 5
ROUNDS = int(os.environ.get("ROUNDS", "3"))

checks = Checks("lambda_concurrency")
lam = start()
lam.create_function(FunctionName="sleeper", Runtime="dotnet8", Role=ROLE, Handler=BUILT_IN + "Sleep", Code={"ZipFile": package()},
                    Timeout=30)
lam.put_function_concurrency(FunctionName="sleeper", ReservedConcurrentExecutions=RESERVED)


def burst():
    """Invokes from THREADS threads at once; returns each thread's outcome: 200, or the error's code, status and reason."""
    # One client per thread, made before the barrier, so the threads only send.
    clients = [client("lambda") for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS
    answered = [None] * THREADS

    def invoke(index):
        barrier.wait()
        started = time.monotonic()
        try:
            response = clients[index].invoke(FunctionName="sleeper", Payload=b'{"seconds": 10}')
            outcomes[index] = response["StatusCode"] if "FunctionError" not in response else response["Payload"].read()
        except ClientError as e:
            outcomes[index] = (e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"],
                               e.response.get("Reason"), e.response["Error"]["Message"])
            answered[index] = time.monotonic() - started

    threads = [threading.Thread(target=invoke, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    throttled = [t for t in answered if t is not None]
    if throttled:
        print(f"throttled answers came back after {min(throttled) * 1000:.0f}-{max(throttled) * 1000:.0f} ms")
    return outcomes


throttle = ("TooManyRequestsException", 429, "ReservedFunctionConcurrentInvocationLimitExceeded", "Rate Exceeded.")
for round_ in range(1, ROUNDS + 1):
    before = admin("clock")["epochSeconds"]
    outcomes = burst()
    moved = admin("clock")["epochSeconds"] - before
    checks.equal(f"round {round_}: invokes that ran", outcomes.count(200), RESERVED)
    checks.equal(f"round {round_}: invokes throttled", outcomes.count(throttle), THREADS - RESERVED)
    checks.equal(f"round {round_}: no other outcome", [o for o in outcomes if o != 200 and o != throttle], [])
    checks.equal(f"round {round_}: virtual seconds the burst took", moved, 10)

checks.finish()
