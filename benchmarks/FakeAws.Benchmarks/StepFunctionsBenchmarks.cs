using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Benchmarks;

/// <summary>
/// Whole executions of two large machines, each against a baseline in the same run that does the
/// same data work by hand: a 1000-state Pass chain that counts to 1000, and a Map over 5,000 items (about 20,000 history events:
/// an inline Map over 10,000 would pass AWS's limit of 25,000 and fail).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StepFunctionsBenchmarks
{
    private FakeAwsCloud _aws = null!;
    private RequestScope _scope;
    private string _chain = null!;
    private string _map = null!;
    private string _items = null!;

    [GlobalSetup]
    public void Setup()
    {
        _aws = new FakeAwsCloud();
        _scope = new RequestScope(_aws.Options.AccountId, _aws.Options.Region);
        _items = "[" + string.Join(",", Enumerable.Range(0, 5_000)) + "]";
    }

    // Executions keep their history, as on AWS; a fresh cloud per iteration keeps memory flat.
    [IterationSetup(Targets = [nameof(PassChain), nameof(Map)])]
    public void CreateMachines()
    {
        _aws.Reset();
        var states = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            states.Append(i == 0 ? "" : ",").Append($$"""
                "S{{i}}": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, {{(i == 999 ? "\"End\": true" : $"\"Next\": \"S{i + 1}\"")}}}
                """);
        }
        _chain = Create("chain", """{"StartAt": "S0", "States": {""" + states + "}}");
        _map = Create("map", """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.v", "End": true}}},
              "ResultSelector": {"count.$": "States.ArrayLength($)"}, "End": true}}}
            """);
    }

    [GlobalCleanup]
    public void Cleanup() => _aws.Dispose();

    private string Create(string name, string definition) =>
        _aws.StepFunctions.Engine.CreateStateMachine(_scope, new CreateStateMachineInput
        {
            Name = name,
            Definition = definition,
            RoleArn = "arn:aws:iam::123456789012:role/sfn",
        }).StateMachineArn!;

    private async Task<string?> Run(string machine, string input)
    {
        var engine = _aws.StepFunctions.Engine;
        var execution = engine.StartExecution(_scope, new StartExecutionInput { StateMachineArn = machine, Input = input }).ExecutionArn;
        await _aws.RunUntilIdleAsync();
        return engine.DescribeExecution(_scope, new DescribeExecutionInput { ExecutionArn = execution }).Output;
    }

    [Benchmark(Baseline = true, Description = "Baseline: 1000 steps of n+1 over JSON, by hand")]
    [BenchmarkCategory("PassChain")]
    public string PassChainBaseline()
    {
        JsonNode state = JsonNode.Parse("""{"n": 0}""")!;
        for (var i = 0; i < 1000; i++)
        {
            state = new JsonObject { ["n"] = state["n"]!.GetValue<int>() + 1 };
        }
        return state.ToJsonString();
    }

    [Benchmark(Description = "Step Functions: 1000-state Pass chain, one execution")]
    [BenchmarkCategory("PassChain")]
    public Task<string?> PassChain() => Run(_chain, """{"n": 0}""");

    [Benchmark(Baseline = true, Description = "Baseline: select and count 5,000 items, by hand")]
    [BenchmarkCategory("Map")]
    public string MapBaseline()
    {
        var items = JsonNode.Parse(_items)!.AsArray();
        var results = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var selected = new JsonObject { ["v"] = items[i]!.DeepClone(), ["i"] = i };
            results.Add(selected["v"]!.DeepClone());
        }
        return new JsonObject { ["count"] = results.Count }.ToJsonString();
    }

    [Benchmark(Description = "Step Functions: Map over 5,000 items, one execution")]
    [BenchmarkCategory("Map")]
    public Task<string?> Map() => Run(_map, _items);
}
