using BenchmarkDotNet.Running;
using FakeAws.Benchmarks;

// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- cloud-cost   (a quick check without BenchmarkDotNet)
if (args is ["cloud-cost"])
{
    CloudCost.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
