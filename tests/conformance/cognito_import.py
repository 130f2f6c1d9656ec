"""Cognito user import jobs through boto3 against FakeAws.Server (issue 19's "Also" list).

GetCSVHeader, a job created, its CSV PUT to the job's PreSignedUrl, started, run by moving the virtual clock
(`run-until-idle`), described and listed; the imported users are RESET_REQUIRED and must reset their
password; plus AWS's errors. FakeAws has no S3: the PreSignedUrl names cognito-idp's AWS host with a path
FakeAws serves, so against the server the script PUTs that path to the server's endpoint.
"""
import urllib.error
import urllib.parse
import urllib.request

from cognito_common import last_code
from harness import ENDPOINT, Checks, admin, client

checks = Checks("cognito_import")
admin("reset", {})
idp = client("cognito-idp")
LOGS_ROLE = "arn:aws:iam::123456789012:role/CognitoImportLogs"
PASSWORD = "Passw0rd!"

pool_id = idp.create_user_pool(PoolName="import-pool", AutoVerifiedAttributes=["email"],
                               Schema=[{"Name": "tenant", "AttributeDataType": "String", "Mutable": True}])["UserPool"]["Id"]
client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="app",
                                        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]

header = idp.get_csv_header(UserPoolId=pool_id)["CSVHeader"]
checks.equal("get_csv_header starts with name", header[:3], ["name", "given_name", "family_name"])
checks.equal("get_csv_header ends with custom and cognito columns", header[-3:], ["custom:tenant", "cognito:mfa_enabled", "cognito:username"])
checks.equal("get_csv_header has no sub", "sub" in header, False)


def upload(url, body):
    path = urllib.parse.urlparse(url).path
    request = urllib.request.Request(ENDPOINT + path, data=body.encode(), method="PUT", headers={"Content-Type": "text/csv"})
    try:
        return urllib.request.urlopen(request).status
    except urllib.error.HTTPError as e:
        return e.code


def row(**cells):
    named = {k.replace("__", ":"): v for k, v in cells.items()}
    return ",".join(named.get(column, "") for column in header)


job = idp.create_user_import_job(UserPoolId=pool_id, JobName="boto3 import", CloudWatchLogsRoleArn=LOGS_ROLE)["UserImportJob"]
job_id = job["JobId"]
checks.equal("create_user_import_job status", job["Status"], "Created")
checks.equal("create_user_import_job id prefix", job_id.startswith("import-"), True)
checks.equal("create_user_import_job counts", (job["ImportedUsers"], job["SkippedUsers"], job["FailedUsers"]), (0, 0, 0))
csv = "\n".join([",".join(header),
                 row(email="grace@example.com", email_verified="true", custom__tenant="navy", cognito__username="grace"),
                 row(email="nameless@example.com", email_verified="true")])
checks.equal("upload to the PreSignedUrl", upload(job["PreSignedUrl"], csv), 200)
started = idp.start_user_import_job(UserPoolId=pool_id, JobId=job_id)["UserImportJob"]
checks.equal("start_user_import_job pending", started["Status"], "Pending")
checks.error("start_user_import_job twice", lambda: idp.start_user_import_job(UserPoolId=pool_id, JobId=job_id), "PreconditionNotMetException")
admin("run-until-idle", {})
done = idp.describe_user_import_job(UserPoolId=pool_id, JobId=job_id)["UserImportJob"]
checks.equal("describe_user_import_job succeeded", done["Status"], "Succeeded")
checks.equal("describe_user_import_job message", done["CompletionMessage"], "Import Job Completed Successfully.")
checks.equal("describe_user_import_job counts", (done["ImportedUsers"], done["FailedUsers"]), (1, 1))

grace = idp.admin_get_user(UserPoolId=pool_id, Username="grace")
checks.equal("imported user status", grace["UserStatus"], "RESET_REQUIRED")
checks.equal("imported custom attribute", {a["Name"]: a["Value"] for a in grace["UserAttributes"]}.get("custom:tenant"), "navy")
checks.error("imported user signs in", lambda: idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
             AuthParameters={"USERNAME": "grace", "PASSWORD": PASSWORD}), "PasswordResetRequiredException", "Password reset required for the user")
idp.forgot_password(ClientId=client_id, Username="grace")
idp.confirm_forgot_password(ClientId=client_id, Username="grace", ConfirmationCode=last_code(pool_id, "grace")["Code"], Password=PASSWORD)
signed_in = idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "grace", "PASSWORD": PASSWORD})
checks.equal("imported user signs in after the reset", "AccessToken" in signed_in["AuthenticationResult"], True)

stopped_id = idp.create_user_import_job(UserPoolId=pool_id, JobName="stopped", CloudWatchLogsRoleArn=LOGS_ROLE)["UserImportJob"]["JobId"]
checks.error("stop_user_import_job not started", lambda: idp.stop_user_import_job(UserPoolId=pool_id, JobId=stopped_id), "PreconditionNotMetException")
idp.start_user_import_job(UserPoolId=pool_id, JobId=stopped_id)
stopped = idp.stop_user_import_job(UserPoolId=pool_id, JobId=stopped_id)["UserImportJob"]
checks.equal("stop_user_import_job stopped", (stopped["Status"], stopped["CompletionMessage"]), ("Stopped", "The Import Job was stopped by the developer."))

listed = idp.list_user_import_jobs(UserPoolId=pool_id, MaxResults=1)
checks.equal("list_user_import_jobs first page", [j["JobId"] for j in listed["UserImportJobs"]], [job_id])
rest = idp.list_user_import_jobs(UserPoolId=pool_id, MaxResults=1, PaginationToken=listed["PaginationToken"])
checks.equal("list_user_import_jobs second page", ([j["JobId"] for j in rest["UserImportJobs"]], "PaginationToken" in rest), ([stopped_id], False))
checks.error("list_user_import_jobs max results", lambda: idp.list_user_import_jobs(UserPoolId=pool_id, MaxResults=0), "InvalidParameterException",
             "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")
checks.error("describe_user_import_job unknown", lambda: idp.describe_user_import_job(UserPoolId=pool_id, JobId="import-AAAAAAAAAA"),
             "ResourceNotFoundException")
checks.equal("upload to an unknown job", upload(f"https://cognito-idp.us-east-1.amazonaws.com/_fakeaws-cognito/user-import/{pool_id}/import-AAAAAAAAAA", "x"), 403)

checks.finish()
