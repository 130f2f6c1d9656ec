using BenchmarkDotNet.Running;
using FakeAws.Benchmarks;

// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- cloud-cost   (a quick check without BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- recording-cost   (the same, of call recording)
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- fastpath-allocations   (the fast path's bytes, step by step: GetItem, Query, UpdateItem, TransactWriteItems)
if (args is ["cloud-cost"])
{
    CloudCost.Run();
}
else if (args is ["fastpath-allocations"])
{
    FastPathAllocations.Run();
}
else if (args is ["recording-cost"])
{
    RecordingCost.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
