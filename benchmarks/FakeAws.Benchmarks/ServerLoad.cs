using System.Globalization;

namespace FakeAws.Benchmarks;

/// <summary>
/// FakeAws.Server's throughput and latency under load against dynalite (and moto_server, when on the
/// PATH) in the same run, each a process of its own on its own port, driven by one load generator
/// (<see cref="HttpLoad"/>) whose own ceiling is measured first against a trivial Kestrel endpoint:
/// <c>dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- server-load [seconds per phase] [another FakeAws.Server.dll]</c>.
/// Each server gets the same table and items and a warm-up, then rounds of GetItem and PutItem at 16
/// and 64 connections on each server in turn, and last 20 s of overwrites of the same 100 keys with the
/// server's resident memory read before and after.
/// </summary>
internal static class ServerLoad
{
    // The ports of this benchmark's servers: FakeAws.Server, dynalite, moto_server, the trivial floor.
    private const int FakeAwsPort = 4604;
    private const int DynalitePort = 4614;
    private const int MotoPort = 4624;
    private const int FloorPort = 4634;
    private const int BeforePort = 4644;

    private const string FakeAws = "FakeAws.Server";
    private const int Rounds = 3;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Overwrites = TimeSpan.FromSeconds(20);
    private static readonly (string Operation, int Connections)[] Phases = [("GetItem", 16), ("GetItem", 64), ("PutItem", 16), ("PutItem", 64)];

    /// <summary>Runs the comparison; <paramref name="before"/>, when given, is another build of FakeAws.Server.dll measured beside this one (before and after a change).</summary>
    public static async Task RunAsync(TimeSpan phase, string? before = null)
    {
        Console.WriteLine($"Load average at start: {LoadAverage()}");
        var targets = new List<LoadTarget>();
        try
        {
            foreach (var start in Targets(before))
            {
                targets.Add(await start());
            }
            foreach (var target in targets.Where(t => t.Port != FloorPort))
            {
                await CreateTableAsync(target.Port);
            }
            foreach (var target in targets)
            {
                await HttpLoad.RunAsync(target.Port, 16, WarmUp, c => DynamoDbPosts.Rotation(c, key => DynamoDbPosts.GetItem(target.Port, key)));
            }
            // Rounds of every phase on every server in turn, so a change in the machine's load (other work
            // shares it) falls on all of them alike; each row adds up its rounds.
            var rows = new Dictionary<(string Server, string Operation, int Connections), Row>();
            for (var round = 1; round <= Rounds; round++)
            {
                foreach (var (operation, connections) in Phases)
                {
                    foreach (var target in targets)
                    {
                        var measured = await MeasureAsync(target, operation, connections, phase);
                        var key = (target.Name, operation, connections);
                        rows[key] = rows.TryGetValue(key, out var row) ? row.Add(measured) : measured;
                    }
                }
                Console.Error.WriteLine($"round {round} of {Rounds} done; load average {LoadAverage()}");
            }
            var memory = new List<string>();
            foreach (var target in targets)
            {
                var residentBefore = target.ResidentMegabytes;
                var overwrites = await HttpLoad.RunAsync(target.Port, 64, Overwrites, c => DynamoDbPosts.Rotation(c, key => DynamoDbPosts.PutItem(target.Port, key)));
                var after = target.ResidentMegabytes;
                memory.Add($"| {target.Name} | {overwrites.Requests:N0} | {overwrites.Errors:N0} | {overwrites.PercentileMs(0.99):N2} ms | {residentBefore:N0} MB | {after:N0} MB | {after - residentBefore:+0;-0;0} MB |");
            }
            Print(rows.Values.ToList(), memory);
        }
        finally
        {
            targets.ForEach(t => t.Dispose());
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at end: {LoadAverage()}");
    }

    private static void Print(List<Row> rows, List<string> memory)
    {
        Console.WriteLine();
        Console.WriteLine($"{Rounds} rounds of each phase; requests/s, CPU and latencies over all rounds; the ratios' spread is the lowest and highest of single rounds.");
        Console.WriteLine();
        Console.WriteLine("| Server | Operation | Connections | Requests/s | p50 | p99 | Errors | Server CPU per request | Generator CPU per request | FakeAws ÷ this, requests/s (spread) | this ÷ FakeAws, server CPU per request |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var fakeAws = rows.Single(r => r.Server == FakeAws && r.Operation == row.Operation && r.Connections == row.Connections);
            var ratios = fakeAws.PerSecondByRound.Zip(row.PerSecondByRound, (f, t) => f / t).ToList();
            Console.WriteLine(
                $"| {row.Server} | {row.Operation} | {row.Connections} | {row.Result.PerSecond:N0} | {row.Result.PercentileMs(0.5):N2} ms | " +
                $"{row.Result.PercentileMs(0.99):N2} ms | {row.Result.Errors:N0} | {row.ServerCpuMicroseconds:N1} µs | {row.GeneratorCpuMicroseconds:N1} µs | " +
                $"{fakeAws.Result.PerSecond / row.Result.PerSecond:N2} ({ratios.Min():N2}–{ratios.Max():N2}) | {row.ServerCpuMicroseconds / fakeAws.ServerCpuMicroseconds:N2} |");
        }
        Console.WriteLine();
        Console.WriteLine("20 s of PutItem overwrites of the same 100 keys, 64 connections, with the server's resident memory before and after:");
        Console.WriteLine();
        Console.WriteLine("| Server | Overwrites | Errors | p99 | Before | After | Change |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        memory.ForEach(Console.WriteLine);
    }

    // What phases measured, with the CPU time the server and the generator each spent per request: on a
    // machine shared with other work, CPU per request holds steadier than requests per second.
    private sealed record Row(
        string Server, string Operation, int Connections, LoadResult Result, TimeSpan ServerCpu, TimeSpan GeneratorCpu, List<double> PerSecondByRound)
    {
        public double ServerCpuMicroseconds => ServerCpu.TotalMicroseconds / Result.Requests;

        public double GeneratorCpuMicroseconds => GeneratorCpu.TotalMicroseconds / Result.Requests;

        public Row Add(Row other) => this with
        {
            Result = Result.Add(other.Result),
            ServerCpu = ServerCpu + other.ServerCpu,
            GeneratorCpu = GeneratorCpu + other.GeneratorCpu,
            PerSecondByRound = [.. PerSecondByRound, .. other.PerSecondByRound],
        };
    }

    private static async Task<Row> MeasureAsync(LoadTarget target, string operation, int connections, TimeSpan duration)
    {
        Func<int, byte[]> request = operation == "GetItem"
            ? key => DynamoDbPosts.GetItem(target.Port, key)
            : key => DynamoDbPosts.PutItem(target.Port, key);
        var generator = System.Diagnostics.Process.GetCurrentProcess();
        var serverCpu = target.CpuTime;
        var generatorCpu = generator.TotalProcessorTime;
        var result = await HttpLoad.RunAsync(target.Port, connections, duration, c => DynamoDbPosts.Rotation(c, request));
        generator.Refresh();
        return new Row(target.Name, operation, connections, result,
            target.CpuTime - serverCpu, generator.TotalProcessorTime - generatorCpu, [result.PerSecond]);
    }

    // The floor first, so the generator's ceiling is known before the servers are read against it.
    private static IEnumerable<Func<Task<LoadTarget>>> Targets(string? before)
    {
        yield return () => LoadTarget.StartAsync("trivial Kestrel endpoint", FloorPort, Environment.ProcessPath!, "trivial-server", FloorPort.ToString(CultureInfo.InvariantCulture));
        yield return () => LoadTarget.StartAsync(FakeAws, FakeAwsPort, "dotnet", FakeAwsServerPath(), "--port", $"{FakeAwsPort}", "--clock", "manual");
        if (before is not null)
        {
            yield return () => LoadTarget.StartAsync($"{FakeAws}, before", BeforePort, "dotnet", before, "--port", $"{BeforePort}", "--clock", "manual");
        }
        yield return () => LoadTarget.StartAsync("dynalite 4.0.0", DynalitePort, "node", DynalitePath(), "--port", $"{DynalitePort}", "--createTableMs", "0");
        if (OnPath("moto_server") is { } moto)
        {
            yield return () => LoadTarget.StartAsync("moto_server", MotoPort, moto, "-p", $"{MotoPort}");
        }
    }

    private static async Task CreateTableAsync(int port)
    {
        var (status, body) = await HttpLoad.SendAsync(port, DynamoDbPosts.CreateTable(port));
        if (status != 200)
        {
            throw new InvalidOperationException($"CreateTable on port {port} answered {status}: {body}");
        }
        while (!(await HttpLoad.SendAsync(port, DynamoDbPosts.DescribeTable(port))).Body.Contains("\"ACTIVE\"", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
        for (var key = 0; key < DynamoDbPosts.Keys; key++)
        {
            await HttpLoad.SendAsync(port, DynamoDbPosts.PutItem(port, key));
        }
    }

    // The Release build of src/FakeAws.Server, built with this project (its ProjectReference), in the same configuration.
    private static string FakeAwsServerPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory); // benchmarks/FakeAws.Benchmarks/bin/<Configuration>/<framework>/
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var repository = output;
        while (!File.Exists(Path.Combine(repository.FullName, "FakeAws.sln")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("The benchmark runs outside the FakeAws repository.");
        }
        var server = Path.Combine(repository.FullName, "src", "FakeAws.Server", "bin", configuration, framework, "FakeAws.Server.dll");
        return File.Exists(server) ? server : throw new InvalidOperationException($"{server} is not built.");
    }

    // dynalite from npm's npx cache, fetched there once if missing (`npx --yes dynalite@4.0.0`), run by node directly so its memory is its own process's.
    private static string DynalitePath()
    {
        if (FindDynalite() is { } found)
        {
            return found;
        }
        using (var npx = System.Diagnostics.Process.Start("npx", ["--yes", "dynalite@4.0.0", "--help"]))
        {
            npx.WaitForExit();
        }
        return FindDynalite() ?? throw new InvalidOperationException("dynalite 4.0.0 is not in npm's npx cache and `npx --yes dynalite@4.0.0` did not put it there.");
    }

    private static string? FindDynalite()
    {
        var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".npm", "_npx");
        return Directory.Exists(cache)
            ? Directory.EnumerateDirectories(cache)
                .Select(d => Path.Combine(d, "node_modules", "dynalite", "cli.js"))
                .FirstOrDefault(File.Exists)
            : null;
    }

    private static string? OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, command))
            .FirstOrDefault(File.Exists);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
