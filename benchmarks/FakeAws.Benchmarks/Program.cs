using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/FakeAws.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
