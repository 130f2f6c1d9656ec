using System.Collections.Concurrent;
using System.IO.Compression;
using FakeAws.Engine.Lambda.Code;

namespace FakeAws.Lambda.Runtimes;

/// <summary>How to start one runtime's process.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Where it runs: the task root.</param>
/// <param name="MarksOutputEnd">
/// Whether the process is FakeAws's own runtime client, which ends each request's output with a mark
/// (<see cref="ProcessEnvironment.OutputEndMark"/>); a custom runtime's <c>bootstrap</c> does not.
/// </param>
internal sealed record RuntimeCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory, bool MarksOutputEnd);

/// <summary>
/// Runs functions of the python3.x, nodejs*.x and provided* runtimes as AWS does, from their own
/// files: each execution environment is a local process (<c>python3</c> or <c>node</c> with FakeAws's
/// small runtime interface client, or the package's <c>bootstrap</c>) that polls the Runtime API. The
/// package is extracted as the task root and the layers, in order, into one folder that stands for
/// <c>/opt</c>: FakeAws cannot mount <c>/opt</c>, so the paths AWS derives from it (PYTHONPATH,
/// NODE_PATH, PATH, LD_LIBRARY_PATH) name that folder instead.
/// </summary>
internal sealed class ProcessRuntimes : IDisposable
{
    private readonly ConcurrentDictionary<ProcessEnvironment, byte> _live = new();

    /// <summary>Whether functions of <paramref name="runtime"/> run as local processes.</summary>
    public static bool Runs(string? runtime) =>
        runtime is not null && (runtime.StartsWith("python3", StringComparison.Ordinal) || runtime.StartsWith("nodejs", StringComparison.Ordinal) || runtime.StartsWith("provided", StringComparison.Ordinal));

    /// <summary>Starts an execution environment for a function's package; an init failure is the function's init error.</summary>
    public async Task<ILambdaHandler> StartAsync(LambdaInit init)
    {
        var runtime = init.Runtime!;
        var interpreter = runtime.StartsWith("python3", StringComparison.Ordinal) ? "python3" : runtime.StartsWith("nodejs", StringComparison.Ordinal) ? "node" : null;
        var interpreterPath = interpreter is null ? null : FindOnPath(interpreter)
            ?? throw new LambdaFunctionException("Runtime.Unavailable",
                $"FakeAws runs {runtime} functions with a local '{interpreter}' interpreter, and none was found on the PATH. " +
                $"Install {interpreter}, or register in-process code for handler '{init.Handler}' with aws.Lambda.RegisterHandler.");
        var root = Directory.CreateTempSubdirectory("fakeaws-lambda-").FullName;
        try
        {
            var task = Directory.CreateDirectory(Path.Combine(root, "task")).FullName;
            var opt = Directory.CreateDirectory(Path.Combine(root, "opt")).FullName;
            Extract(init.Package!, task);
            foreach (var layer in init.Layers)
            {
                Extract(layer, opt);
            }
            var command = interpreterPath is null
                ? new RuntimeCommand(CustomBootstrap(task, opt, runtime), [], task, MarksOutputEnd: false)
                : new RuntimeCommand(interpreterPath, [WriteClient(root, interpreter!)], task, MarksOutputEnd: true);
            var environment = Environment(init, runtime, task, opt);
            var started = await ProcessEnvironment.StartAsync(root, command, environment, e => _live.TryRemove(e, out _)).ConfigureAwait(false);
            _live[started] = 0;
            return started;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.ComponentModel.Win32Exception)
        {
            TryDelete(root);
            throw new LambdaFunctionException("Runtime.InvalidEntrypoint", e.Message);
        }
    }

    /// <summary>Stops every environment still running: on a reset of the cloud, and when it is disposed.</summary>
    public void Dispose()
    {
        foreach (var environment in _live.Keys)
        {
            environment.Dispose();
        }
    }

    /// <summary>The variables of the process: AWS's and the function's, with the paths AWS derives from the task root and /opt.</summary>
    private static Dictionary<string, string> Environment(LambdaInit init, string runtime, string task, string opt)
    {
        var environment = new Dictionary<string, string>(init.Environment, StringComparer.Ordinal)
        {
            ["LAMBDA_TASK_ROOT"] = task,
            ["LAMBDA_RUNTIME_DIR"] = task,
            ["PATH"] = string.Join(Path.PathSeparator, Path.Combine(opt, "bin"), System.Environment.GetEnvironmentVariable("PATH") ?? ""),
            ["LD_LIBRARY_PATH"] = string.Join(Path.PathSeparator, Path.Combine(task, "lib"), Path.Combine(opt, "lib")),
            // The execution role's credentials: FakeAws accepts any, so functions' SDK clients find some.
            ["AWS_ACCESS_KEY_ID"] = init.Environment.GetValueOrDefault("AWS_ACCESS_KEY_ID") ?? "AKIAFAKEAWSLAMBDA000",
            ["AWS_SECRET_ACCESS_KEY"] = init.Environment.GetValueOrDefault("AWS_SECRET_ACCESS_KEY") ?? "fakeaws",
            ["AWS_SESSION_TOKEN"] = init.Environment.GetValueOrDefault("AWS_SESSION_TOKEN") ?? "fakeaws",
        };
        if (runtime.StartsWith("python3", StringComparison.Ordinal))
        {
            environment["PYTHONPATH"] = string.Join(Path.PathSeparator,
                task, Path.Combine(opt, "python"), Path.Combine(opt, "python", "lib", runtime, "site-packages"));
        }
        if (runtime.StartsWith("nodejs", StringComparison.Ordinal))
        {
            var major = runtime["nodejs".Length..].Split('.')[0];
            environment["NODE_PATH"] = string.Join(Path.PathSeparator,
                Path.Combine(opt, "nodejs", $"node{major}", "node_modules"), Path.Combine(opt, "nodejs", "node_modules"));
        }
        return environment;
    }

    /// <summary>A custom runtime's entry point: the package's <c>bootstrap</c>, else a layer's.</summary>
    private static string CustomBootstrap(string task, string opt, string runtime)
    {
        var bootstrap = new[] { Path.Combine(task, "bootstrap"), Path.Combine(opt, "bootstrap") }.FirstOrDefault(File.Exists)
            ?? throw new LambdaFunctionException("Runtime.InvalidEntrypoint",
                $"Couldn't find valid bootstrap(s): [{Path.Combine(task, "bootstrap")} {Path.Combine(opt, "bootstrap")}] ({runtime} needs a 'bootstrap' file in the package or a layer)");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
        return bootstrap;
    }

    /// <summary>Writes FakeAws's runtime interface client for the interpreter, shipped in the assembly, and returns its path.</summary>
    private static string WriteClient(string root, string interpreter)
    {
        var name = interpreter == "python3" ? "bootstrap.py" : "bootstrap.js";
        var path = Path.Combine(root, name);
        using var resource = typeof(ProcessRuntimes).Assembly.GetManifestResourceStream($"FakeAws.Lambda.Runtimes.{name}")!;
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    private static void Extract(byte[] zip, string folder)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        archive.ExtractToDirectory(folder, overwriteFiles: true);
    }

    private static string? FindOnPath(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => OperatingSystem.IsWindows() ? [Path.Combine(folder, program + ".exe"), Path.Combine(folder, program)] : new[] { Path.Combine(folder, program) })
            .FirstOrDefault(File.Exists);

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's cleaning of temporary files.
        }
    }
}
