using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>User import jobs: the CSV header, a job's upload URL, its run on the virtual clock, and AWS's errors.</summary>
public sealed class ImportJobTests : CognitoTestBase
{
    private const string LogsRole = "arn:aws:iam::123456789012:role/CognitoImportLogs";

    /// <summary>GetCSVHeader of a pool without custom attributes, as AWS's documentation shows it.</summary>
    private static readonly string[] StandardHeader =
    [
        "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
        "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address",
        "updated_at", "cognito:mfa_enabled", "cognito:username",
    ];

    [Test]
    public async Task CsvHeader_ListsThePoolsAttributes_CustomOnesBeforeTheCognitoColumns()
    {
        var plain = (await Idp("CreateUserPool", new { PoolName = "plain" }))["UserPool"]!["Id"]!.GetValue<string>();
        var header = await Idp("GetCSVHeader", new { UserPoolId = plain });
        Assert.That(header["UserPoolId"]!.GetValue<string>(), Is.EqualTo(plain));
        Assert.That(Strings(header["CSVHeader"]!), Is.EqualTo(StandardHeader));

        var custom = (await Idp("CreateUserPool", new
        {
            PoolName = "custom",
            Schema = new[] { new { Name = "tenant", AttributeDataType = "String", Mutable = true } },
        }))["UserPool"]!["Id"]!.GetValue<string>();
        var withCustom = Strings((await Idp("GetCSVHeader", new { UserPoolId = custom }))["CSVHeader"]!);
        Assert.That(withCustom[^3..], Is.EqualTo(new[] { "custom:tenant", "cognito:mfa_enabled", "cognito:username" }));

        var missing = await IdpError("GetCSVHeader", new { UserPoolId = "us-east-1_AAAAAAAAA" });
        Assert.That((missing.Code, missing.Message), Is.EqualTo(("ResourceNotFoundException", "User pool us-east-1_AAAAAAAAA does not exist.")));
    }

    [Test]
    public async Task AJob_TakesItsCsvAtThePreSignedUrl_AndImportsResetRequiredUsers_WhenTheClockRuns()
    {
        var (poolId, clientId) = await NamedPool();
        var job = (await Idp("CreateUserImportJob", new { UserPoolId = poolId, JobName = "first import", CloudWatchLogsRoleArn = LogsRole }))["UserImportJob"]!;
        var jobId = job["JobId"]!.GetValue<string>();
        Assert.That(jobId, Does.Match("^import-[0-9a-zA-Z]{10}$"));
        Assert.That(job["Status"]!.GetValue<string>(), Is.EqualTo("Created"));
        Assert.That(job["JobName"]!.GetValue<string>(), Is.EqualTo("first import"));
        Assert.That(job["CloudWatchLogsRoleArn"]!.GetValue<string>(), Is.EqualTo(LogsRole));
        Assert.That((job["ImportedUsers"]!.GetValue<long>(), job["SkippedUsers"]!.GetValue<long>(), job["FailedUsers"]!.GetValue<long>()), Is.EqualTo((0L, 0L, 0L)));
        Assert.That(job.AsObject().ContainsKey("StartDate"), Is.False);

        var csv = string.Join("\r\n",
            string.Join(',', StandardHeader),
            Row(("email", "ada@example.com"), ("email_verified", "true"), ("name", "\"Lovelace, Ada\""), ("cognito:username", "ada")),
            Row(("email", "bob@example.com"), ("email_verified", "false"), ("cognito:username", "bob")),
            Row(("email", "nobody@example.com"), ("email_verified", "true")),
            Row(("email", "ada2@example.com"), ("email_verified", "true"), ("cognito:username", "ada")));
        Assert.That(await Upload(job["PreSignedUrl"]!.GetValue<string>(), csv), Is.EqualTo(HttpStatusCode.OK));

        var started = (await Idp("StartUserImportJob", new { UserPoolId = poolId, JobId = jobId }))["UserImportJob"]!;
        Assert.That(started["Status"]!.GetValue<string>(), Is.EqualTo("Pending"));
        Assert.That(started["StartDate"], Is.Not.Null);
        Assert.That(await Status(poolId, jobId), Is.EqualTo("Pending"), "the job runs when the virtual clock does");

        await Aws.Clock.RunUntilIdleAsync();
        var done = (await Idp("DescribeUserImportJob", new { UserPoolId = poolId, JobId = jobId }))["UserImportJob"]!;
        Assert.That(done["Status"]!.GetValue<string>(), Is.EqualTo("Succeeded"));
        Assert.That(done["CompletionMessage"]!.GetValue<string>(), Is.EqualTo("Import Job Completed Successfully."));
        Assert.That((done["ImportedUsers"]!.GetValue<long>(), done["FailedUsers"]!.GetValue<long>()), Is.EqualTo((2L, 2L)), "no user name, and a user name taken");
        Assert.That(done["CompletionDate"], Is.Not.Null);

        var ada = await Idp("AdminGetUser", new { UserPoolId = poolId, Username = "ada" });
        Assert.That(ada["UserStatus"]!.GetValue<string>(), Is.EqualTo("RESET_REQUIRED"));
        var attributes = ada["UserAttributes"]!.AsArray().ToDictionary(a => a!["Name"]!.GetValue<string>(), a => a!["Value"]!.GetValue<string>());
        Assert.That(attributes["name"], Is.EqualTo("Lovelace, Ada"));
        Assert.That(attributes["email"], Is.EqualTo("ada@example.com"));
        Assert.That(attributes["sub"], Is.Not.Empty);

        var signIn = await IdpError("InitiateAuth", new { ClientId = clientId, AuthFlow = "USER_PASSWORD_AUTH", AuthParameters = new Dictionary<string, string> { ["USERNAME"] = "ada", ["PASSWORD"] = Password } });
        Assert.That((signIn.Code, signIn.Message), Is.EqualTo(("PasswordResetRequiredException", "Password reset required for the user")));
        await Idp("ForgotPassword", new { ClientId = clientId, Username = "ada" });
        var code = Aws.Cognito.LastCodeSentTo(poolId, "ada")!.Code;
        await Idp("ConfirmForgotPassword", new { ClientId = clientId, Username = "ada", ConfirmationCode = code, Password });
        Assert.That((await PasswordSignIn(clientId, "ada"))["AccessToken"], Is.Not.Null);
    }

    [Test]
    public async Task StartAndStop_AnswerPreconditionNotMet_OutsideTheirStatuses_AndAStoppedJobImportsNothing()
    {
        var (poolId, _) = await NamedPool();
        var jobId = await NewJob(poolId);
        var notStarted = await IdpError("StopUserImportJob", new { UserPoolId = poolId, JobId = jobId });
        Assert.That(notStarted.Code, Is.EqualTo("PreconditionNotMetException"));

        await Upload(Job(poolId, jobId), string.Join('\n', string.Join(',', StandardHeader), Row(("cognito:username", "carol"))));
        await Idp("StartUserImportJob", new { UserPoolId = poolId, JobId = jobId });
        var twice = await IdpError("StartUserImportJob", new { UserPoolId = poolId, JobId = jobId });
        Assert.That(twice.Code, Is.EqualTo("PreconditionNotMetException"));

        var stopped = (await Idp("StopUserImportJob", new { UserPoolId = poolId, JobId = jobId }))["UserImportJob"]!;
        Assert.That(stopped["Status"]!.GetValue<string>(), Is.EqualTo("Stopped"));
        Assert.That(stopped["CompletionMessage"]!.GetValue<string>(), Is.EqualTo("The Import Job was stopped by the developer."));
        await Aws.Clock.RunUntilIdleAsync();
        Assert.That(await Status(poolId, jobId), Is.EqualTo("Stopped"));
        Assert.That((await IdpError("AdminGetUser", new { UserPoolId = poolId, Username = "carol" })).Code, Is.EqualTo("UserNotFoundException"));
        Assert.That((await IdpError("StopUserImportJob", new { UserPoolId = poolId, JobId = jobId })).Code, Is.EqualTo("PreconditionNotMetException"));

        var unknown = await IdpError("DescribeUserImportJob", new { UserPoolId = poolId, JobId = "import-AAAAAAAAAA" });
        Assert.That(unknown.Code, Is.EqualTo("ResourceNotFoundException"));
        var badId = await IdpError("DescribeUserImportJob", new { UserPoolId = poolId, JobId = "job-1" });
        Assert.That((badId.Code, badId.Message), Is.EqualTo(("InvalidParameterException",
            "1 validation error detected: Value 'job-1' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: import-[0-9a-zA-Z-]+")));
    }

    [Test]
    public async Task AJobFails_WithoutACsv_OrWithAColumnThePoolLacks()
    {
        var (poolId, _) = await NamedPool();
        var empty = await NewJob(poolId);
        await Idp("StartUserImportJob", new { UserPoolId = poolId, JobId = empty });
        var badHeader = await NewJob(poolId);
        await Upload(Job(poolId, badHeader), "cognito:username,custom:missing\ndave,x\n");
        await Idp("StartUserImportJob", new { UserPoolId = poolId, JobId = badHeader });
        await Aws.Clock.RunUntilIdleAsync();

        Assert.That(await Status(poolId, empty), Is.EqualTo("Failed"));
        Assert.That(await Status(poolId, badHeader), Is.EqualTo("Failed"));
        Assert.That((await IdpError("AdminGetUser", new { UserPoolId = poolId, Username = "dave" })).Code, Is.EqualTo("UserNotFoundException"));
    }

    [Test]
    public async Task ListUserImportJobs_PagesInCreationOrder_AndNeedsMaxResults()
    {
        var (poolId, _) = await NamedPool();
        var ids = new[] { await NewJob(poolId), await NewJob(poolId), await NewJob(poolId) };
        var first = await Idp("ListUserImportJobs", new { UserPoolId = poolId, MaxResults = 2 });
        var second = await Idp("ListUserImportJobs", new { UserPoolId = poolId, MaxResults = 2, PaginationToken = first["PaginationToken"]!.GetValue<string>() });
        var listed = first["UserImportJobs"]!.AsArray().Concat(second["UserImportJobs"]!.AsArray()).Select(j => j!["JobId"]!.GetValue<string>());
        Assert.That(listed, Is.EqualTo(ids));
        Assert.That(second.ContainsKey("PaginationToken"), Is.False);

        var tooMany = await IdpError("ListUserImportJobs", new { UserPoolId = poolId, MaxResults = 61 });
        Assert.That((tooMany.Code, tooMany.Message), Is.EqualTo(("InvalidParameterException",
            "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60")));
    }

    [Test]
    public async Task TheUploadUrl_RefusesAJobThatDoesNotExist()
    {
        var (poolId, _) = await NamedPool();
        Assert.That(await Upload($"https://cognito-idp.us-east-1.amazonaws.com/_fakeaws-cognito/user-import/{poolId}/import-AAAAAAAAAA", "cognito:username\nx\n"),
            Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<(string PoolId, string ClientId)> NamedPool()
    {
        var poolId = (await Idp("CreateUserPool", new { PoolName = "import", AutoVerifiedAttributes = new[] { "email" } }))["UserPool"]!["Id"]!.GetValue<string>();
        return (poolId, await NewClient(poolId));
    }

    private async Task<string> NewJob(string poolId) =>
        (await Idp("CreateUserImportJob", new { UserPoolId = poolId, JobName = "job", CloudWatchLogsRoleArn = LogsRole }))["UserImportJob"]!["JobId"]!.GetValue<string>();

    private static string Job(string poolId, string jobId) => $"https://cognito-idp.us-east-1.amazonaws.com/_fakeaws-cognito/user-import/{poolId}/{jobId}";

    private async Task<string> Status(string poolId, string jobId) =>
        (await Idp("DescribeUserImportJob", new { UserPoolId = poolId, JobId = jobId }))["UserImportJob"]!["Status"]!.GetValue<string>();

    private async Task<HttpStatusCode> Upload(string url, string csv)
    {
        using var http = new HttpClient(Aws.Cognito.CreateJwksHttpHandler());
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await http.PutAsync(url, content);
        return response.StatusCode;
    }

    /// <summary>A CSV row with the given cells (already quoted where needed) and the rest of the standard header empty.</summary>
    private static string Row(params (string Column, string Value)[] cells) =>
        string.Join(',', StandardHeader.Select(column => cells.FirstOrDefault(c => c.Column == column).Value ?? ""));

    private static string[] Strings(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
