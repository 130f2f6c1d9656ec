namespace FakeAws.Lambda;

/// <summary>
/// The configuration of a function added with <see cref="LambdaHelper.AddFunction"/>: the members of
/// CreateFunction that matter for code that runs in process, with AWS's defaults. The same limits
/// apply as over the wire (memory 128–10240 MB, timeout 1–900 s, 4 KB of environment variables, ...).
/// </summary>
public sealed class LambdaFunctionOptions
{
    /// <summary>The runtime the function declares. Default <c>dotnet8</c>; SnapStart needs a runtime that supports it.</summary>
    public string Runtime { get; set; } = "dotnet8";

    /// <summary>Memory in MB. Default 128.</summary>
    public int MemorySize { get; set; } = 128;

    /// <summary>Timeout in whole seconds, measured on the cloud's virtual clock. Default 3.</summary>
    public int Timeout { get; set; } = 3;

    /// <summary>The size of /tmp in MB. Default 512.</summary>
    public int EphemeralStorageSize { get; set; } = 512;

    /// <summary>The function's description.</summary>
    public string? Description { get; set; }

    /// <summary>The execution role; a role of the cloud's account when unset.</summary>
    public string? Role { get; set; }

    /// <summary>The Handler string the configuration shows; the delegate's type and method when unset.</summary>
    public string? Handler { get; set; }

    /// <summary>The region the function lives in; the cloud's region when unset.</summary>
    public string? Region { get; set; }

    /// <summary>Environment variables: shown in the configuration, never set on the test process (which tests share).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>();

    /// <summary>The function's tags.</summary>
    public IDictionary<string, string> Tags { get; } = new Dictionary<string, string>();

    /// <summary>Turns on SnapStart for published versions (<c>SnapStart: {ApplyOn: PublishedVersions}</c>).</summary>
    public bool SnapStart { get; set; }

    /// <summary>
    /// The function's init code: runs when an execution environment starts (and once when a SnapStart
    /// version is published), before the first invocation. It may register SnapStart hooks with <see cref="LambdaSnapStart"/>.
    /// </summary>
    public Func<Task>? Init { get; set; }
}
