"""What the two API Gateway parity scripts share: the target (FakeAws.Server, or moto_server with
APIGW_TARGET=moto), a fresh start, the caller's account, and the readings of a boto3 answer."""
import os
import urllib.request

from harness import ENDPOINT, client

MOTO = os.environ.get("APIGW_TARGET") == "moto"
ACCOUNT = "123456789012"
BAD_REQUEST = "BadRequestException"
NOT_FOUND = "NotFoundException"


def start():
    """Resets the target and returns a boto3 API Gateway client for it."""
    urllib.request.urlopen(urllib.request.Request(f"{ENDPOINT}/{'moto-api' if MOTO else '_fakeaws'}/reset", method="POST"))
    return client("apigateway")


def status(response):
    return response["ResponseMetadata"]["HTTPStatusCode"]


def no_api(api_id):
    return f"Invalid API identifier specified {ACCOUNT}:{api_id}"
