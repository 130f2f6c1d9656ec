using FakeAws.Conformance.StepFunctions;

// dotnet run --project tests/FakeAws.Conformance -- <suite> <cases file> [--verbose]
// Prints one line per failing case and a final "N passed, M failed" line. The exit code is 0 whatever
// the pass rate (CI records the rate), and 2 only for a usage error.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: FakeAws.Conformance stepfunctions <cases.jsonl> [--verbose] [--filter <text>]");
    return 2;
}
var verbose = args.Contains("--verbose");
var filterAt = Array.IndexOf(args, "--filter");
var filter = filterAt >= 0 && filterAt + 1 < args.Length ? args[filterAt + 1] : null;
switch (args[0])
{
    case "stepfunctions":
        return await StepFunctionsSuite.RunAsync(args[1], Console.Out, verbose, filter);
    default:
        Console.Error.WriteLine($"unknown suite '{args[0]}': the suites are: stepfunctions");
        return 2;
}
