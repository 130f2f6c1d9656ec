namespace FakeAws.Engine.Lambda;

/// <summary>Lambda's quotas, as AWS documents them.</summary>
internal static class LambdaLimits
{
    public const int DefaultConcurrentExecutions = 1000;

    /// <summary>Reserved concurrency must leave at least this much of the account's concurrency unreserved.</summary>
    public const int MinimumUnreservedConcurrency = 100;

    public const int MaxMemorySize = 10240;
    public const int DefaultMemorySize = 128;
    public const int MaxTimeout = 900;
    public const int DefaultTimeout = 3;
    public const int DefaultEphemeralStorage = 512;

    /// <summary>Environment variables, measured as UTF-8 compact JSON of the variables map.</summary>
    public const int EnvironmentVariablesBytes = 4096;

    public const int MaxLayers = 5;
    public const int MaxTags = 50;

    /// <summary>
    /// A .zip uploaded directly (50 MB), and the largest request that may carry it base64-encoded: the
    /// encoded 50 MB and 256 KB for the rest of the request, the number AWS's recorded error quotes.
    /// </summary>
    public const long ZippedCodeBytes = 52_428_800;
    public const long CreateFunctionRequestBytes = 70_167_211;

    /// <summary>The unzipped deployment package, layers included (250 MB).</summary>
    public const long UnzippedCodeBytes = 262_144_000;

    /// <summary>Total code storage of an account in a region (75 GB).</summary>
    public const long TotalCodeBytes = 80_530_636_800;

    /// <summary>Invocation payloads: 6 MB for synchronous requests, 1 MB for asynchronous ones.</summary>
    public const int SyncPayloadBytes = 6_291_456;
    public const int AsyncPayloadBytes = 1_048_576;

    /// <summary>A synchronous response; AWS allows 100 bytes over 6 MB.</summary>
    public const int SyncResponseBytes = 6_291_556;

    /// <summary>A streamed response (a handler that writes its response as it goes): 200 MB.</summary>
    public const int StreamedResponseBytes = 200 * 1024 * 1024;

    /// <summary>How much of the execution log <c>LogType: Tail</c> returns.</summary>
    public const int LogTailBytes = 4096;

    /// <summary>Asynchronous invocation defaults.</summary>
    public const int DefaultMaximumRetryAttempts = 2;
    public const int DefaultMaximumEventAgeInSeconds = 21_600;
}
