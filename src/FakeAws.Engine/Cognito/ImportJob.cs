using FakeAws.Engine.Cognito.Model;

namespace FakeAws.Engine.Cognito;

/// <summary>A user import job of a pool: AWS's description of it and the CSV uploaded to its pre-signed URL.</summary>
internal sealed class ImportJob(UserImportJobType description)
{
    /// <summary>What Describe, List, Start and Stop answer; its status and counts move as the job runs.</summary>
    public UserImportJobType Description { get; } = description;

    /// <summary>The CSV file PUT to the job's URL; null until one is uploaded (the last upload wins, as with S3).</summary>
    public byte[]? Csv { get; set; }
}
