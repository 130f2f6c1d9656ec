"""Shared helpers for the conformance scripts: real AWS clients (boto3) pointed at an endpoint.

The endpoint is FakeAws.Server by default (FAKEAWS_ENDPOINT, http://127.0.0.1:4566); the same
scripts run against moto_server when given its address, so the two can be compared.
"""
import json
import os
import sys
import urllib.request

import boto3
import botocore.config
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("FAKEAWS_ENDPOINT", "http://127.0.0.1:4566")
REGION = "us-east-1"


def client(service, region=REGION, endpoint=None, **config):
    """A boto3 client for the endpoint; `config` adds botocore Config options (inject_host_prefix=False for sync- hosts)."""
    return boto3.client(
        service,
        endpoint_url=endpoint or ENDPOINT,
        region_name=region,
        aws_access_key_id="AKIAFAKEAWS000000000",
        aws_secret_access_key="secret",
        config=botocore.config.Config(retries={"max_attempts": 1}, parameter_validation=False, **config),
    )


def admin(path, body=None):
    """Calls FakeAws's admin endpoint (`reset`, `clock`, `clock/advance`, `run-until-idle`): a POST with a body, else a GET."""
    request = urllib.request.Request(f"{ENDPOINT}/_fakeaws/{path}", method="POST" if body is not None else "GET",
                                     data=json.dumps(body).encode() if body is not None else None)
    return json.load(urllib.request.urlopen(request))


class Checks:
    """Collects named checks and ends the script with `N passed, M failed`."""

    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = []

    def equal(self, name, actual, expected):
        if actual == expected:
            self.passed += 1
        else:
            self.failed.append(name)
            print(f"FAIL {self.suite}: {name}: expected {expected!r}, got {actual!r}")

    def error(self, name, call, code, message=None):
        """The call must fail with AWS error `code` (and, when given, exactly `message`)."""
        try:
            call()
        except ClientError as e:
            self.equal(f"{name} (code)", e.response["Error"]["Code"], code)
            if message is not None:
                self.equal(f"{name} (message)", e.response["Error"]["Message"], message)
            return
        self.failed.append(name)
        print(f"FAIL {self.suite}: {name}: expected {code}, but the call succeeded")

    def section(self, name, steps):
        """Runs one group of checks; an operation the target lacks fails the group, and the script goes on."""
        try:
            steps()
        except ClientError as e:
            self.failed.append(name)
            print(f"FAIL {self.suite}: {name}: {e}")

    def finish(self):
        print(f"{self.suite}: {self.passed} passed, {len(self.failed)} failed")
        sys.exit(1 if self.failed else 0)
