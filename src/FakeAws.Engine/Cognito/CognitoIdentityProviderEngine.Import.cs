using System.Text;
using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// User import jobs: GetCSVHeader, CreateUserImportJob, StartUserImportJob, StopUserImportJob,
// DescribeUserImportJob, ListUserImportJobs. There is no S3: a job's PreSignedUrl is a path FakeAws
// serves itself (UploadImportCsv), and a started job runs on the cloud's scheduler, importing each row
// as a RESET_REQUIRED user, as AWS does.
internal sealed partial class CognitoIdentityProviderEngine
{
    /// <summary>The path a job's CSV is PUT to, under any host FakeAws answers: <c>{prefix}{poolId}/{jobId}</c>.</summary>
    public const string ImportUploadPathPrefix = "/_fakeaws-cognito/user-import/";

    private const string UsernameColumn = "cognito:username";
    private const string MfaColumn = "cognito:mfa_enabled";

    public GetCSVHeaderResponse GetCSVHeader(RequestScope scope, GetCSVHeaderRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new GetCSVHeaderResponse { UserPoolId = pool.Id, CSVHeader = CsvHeader(pool) };
        }
    }

    public CreateUserImportJobResponse CreateUserImportJob(RequestScope scope, CreateUserImportJobRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var jobId = "import-" + _cloud.Ids.NewString(10);
        var job = new ImportJob(new UserImportJobType
        {
            JobName = request.JobName,
            JobId = jobId,
            UserPoolId = pool.Id,
            PreSignedUrl = $"https://cognito-idp.{scope.Region}.amazonaws.com{ImportUploadPathPrefix}{pool.Id}/{jobId}",
            CreationDate = Now,
            Status = ImportStatus.Created,
            CloudWatchLogsRoleArn = request.CloudWatchLogsRoleArn,
            ImportedUsers = 0,
            SkippedUsers = 0,
            FailedUsers = 0,
        });
        lock (pool.Gate)
        {
            pool.ImportJobs[jobId] = job;
            return new CreateUserImportJobResponse { UserImportJob = job.Description.Clone() };
        }
    }

    public StartUserImportJobResponse StartUserImportJob(RequestScope scope, StartUserImportJobRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var job = Job(pool, request.JobId);
            if (job.Description.Status != ImportStatus.Created)
            {
                throw CognitoErrors.PreconditionNotMet($"The import job {job.Description.JobId} cannot be started in status {job.Description.Status}.");
            }
            job.Description.Status = ImportStatus.Pending;
            job.Description.StartDate = Now;
            _cloud.Scheduler.Schedule(Now, () => RunImport(pool, job), $"user import job {job.Description.JobId}");
            return new StartUserImportJobResponse { UserImportJob = job.Description.Clone() };
        }
    }

    public StopUserImportJobResponse StopUserImportJob(RequestScope scope, StopUserImportJobRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var job = Job(pool, request.JobId);
            if (job.Description.Status is not (ImportStatus.Pending or ImportStatus.InProgress))
            {
                throw CognitoErrors.PreconditionNotMet($"The import job {job.Description.JobId} cannot be stopped in status {job.Description.Status}.");
            }
            Complete(job, ImportStatus.Stopped, "The Import Job was stopped by the developer.");
            return new StopUserImportJobResponse { UserImportJob = job.Description.Clone() };
        }
    }

    public DescribeUserImportJobResponse DescribeUserImportJob(RequestScope scope, DescribeUserImportJobRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeUserImportJobResponse { UserImportJob = Job(pool, request.JobId).Description.Clone() };
        }
    }

    public ListUserImportJobsResponse ListUserImportJobs(RequestScope scope, ListUserImportJobsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var (page, next) = Paging.Page(pool.ImportJobs.Values.ToList(), request.PaginationToken, request.MaxResults ?? 60, j => j.Description.JobId!);
            return new ListUserImportJobsResponse { UserImportJobs = page.Select(j => j.Description.Clone()).ToList(), PaginationToken = next };
        }
    }

    /// <summary>
    /// Stores the CSV PUT to a job's pre-signed URL. False when no such job exists in the account (the
    /// upload is then refused, as S3 refuses a URL it did not sign).
    /// </summary>
    public bool UploadImportCsv(string accountId, string poolId, string jobId, byte[] csv)
    {
        if (FindPool(accountId, poolId) is not { } pool)
        {
            return false;
        }
        lock (pool.Gate)
        {
            if (!pool.ImportJobs.TryGetValue(jobId, out var job))
            {
                return false;
            }
            job.Csv = csv;
            return true;
        }
    }

    /// <summary>The pool's attributes as the CSV header lists them: its schema without <c>sub</c>, then MFA and the user name.</summary>
    private static List<string> CsvHeader(UserPool pool) =>
        [.. (pool.Description.SchemaAttributes ?? []).Select(a => a.Name!).Where(n => n != "sub"), MfaColumn, UsernameColumn];

    private static ImportJob Job(UserPool pool, string? jobId) =>
        jobId is not null && pool.ImportJobs.TryGetValue(jobId, out var job)
            ? job
            : throw CognitoErrors.ResourceNotFound($"Import job {jobId} does not exist.");

    // The scheduled run: a job stopped meanwhile stays stopped; otherwise every row is imported at once,
    // the job passing through InProgress at that instant.
    private void RunImport(UserPool pool, ImportJob job)
    {
        lock (pool.Gate)
        {
            if (job.Description.Status != ImportStatus.Pending)
            {
                return;
            }
            job.Description.Status = ImportStatus.InProgress;
            var rows = job.Csv is { } csv ? CsvRows.Parse(Encoding.UTF8.GetString(csv)) : [];
            if (rows.Count == 0)
            {
                Complete(job, ImportStatus.Failed, "The CSV file is empty or was not uploaded.");
                return;
            }
            var header = rows[0];
            var known = CsvHeader(pool);
            if (header.Any(column => !known.Contains(column)) || !header.Contains(UsernameColumn))
            {
                Complete(job, ImportStatus.Failed, "The CSV header does not match the user pool's attributes.");
                return;
            }
            foreach (var row in rows.Skip(1))
            {
                if (ImportRow(pool, header, row))
                {
                    job.Description.ImportedUsers++;
                }
                else
                {
                    job.Description.FailedUsers++;
                }
            }
            Complete(job, ImportStatus.Succeeded, "Import Job Completed Successfully.");
        }
    }

    // One user: its attributes are the row's non-empty cells, checked against the schema as AdminCreateUser
    // checks them; a row that fails (no user name, a bad attribute, a user that exists) counts as failed.
    private bool ImportRow(UserPool pool, List<string> header, List<string> row)
    {
        if (row.Count != header.Count)
        {
            return false;
        }
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        string? username = null;
        var mfa = false;
        for (var i = 0; i < header.Count; i++)
        {
            switch (header[i])
            {
                case UsernameColumn:
                    username = row[i];
                    break;
                case MfaColumn:
                    mfa = string.Equals(row[i], "true", StringComparison.OrdinalIgnoreCase);
                    break;
                default:
                    if (row[i].Length > 0)
                    {
                        attributes[header[i]] = row[i];
                    }
                    break;
            }
        }
        if (string.IsNullOrEmpty(username) || mfa && !attributes.ContainsKey("phone_number"))
        {
            return false;
        }
        try
        {
            Schema.CheckWrite(pool, attributes, creating: true);
            EnsureNew(pool, username, attributes, "User account already exists");
        }
        catch (AwsServiceException)
        {
            return false;
        }
        var user = NewUser(username, _cloud.Ids.NewGuid().ToString(), attributes);
        user.Status = UserStatus.ResetRequired;
        user.SmsMfaEnabled = mfa;
        pool.Users[username] = user;
        return true;
    }

    private void Complete(ImportJob job, string status, string message)
    {
        job.Description.Status = status;
        job.Description.CompletionDate = Now;
        job.Description.CompletionMessage = message;
    }

    /// <summary>The statuses of <c>UserImportJobStatusType</c> this fake moves through.</summary>
    private static class ImportStatus
    {
        public const string Created = "Created";
        public const string Pending = "Pending";
        public const string InProgress = "InProgress";
        public const string Stopped = "Stopped";
        public const string Failed = "Failed";
        public const string Succeeded = "Succeeded";
    }
}
