using BenchmarkDotNet.Running;
using FakeAws.Benchmarks;

// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- cloud-cost   (a quick check without BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- recording-cost   (the same, of call recording)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- time-travel-cost   (memory and time of advancing 10 years over a table with history)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- fastpath-allocations   (the fast path's bytes, step by step: GetItem, Query, UpdateItem, TransactWriteItems)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- server-load [seconds per phase, 5] [another build's FakeAws.Server.dll]   (FakeAws.Server against dynalite under HTTP load)
if (args is ["cloud-cost"])
{
    CloudCost.Run();
}
else if (args is ["fastpath-allocations"])
{
    FastPathAllocations.Run();
}
else if (args is ["server-load", ..] and { Length: <= 3 })
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    await ServerLoad.RunAsync(TimeSpan.FromSeconds(seconds), args.Length > 2 ? args[2] : null);
}
else if (args is ["trivial-server", var port])
{
    // The load generator's floor, started by server-load as a process of its own.
    await TrivialServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture));
}
else if (args is ["recording-cost"])
{
    RecordingCost.Run();
}
else if (args is ["time-travel-cost"])
{
    TimeTravelCost.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
