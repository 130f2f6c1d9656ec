using System.CommandLine;

namespace FakeAws.Server;

/// <summary>
/// The <c>fakeaws</c> command line: its flags, their defaults and help. Unknown or misspelt flags are
/// refused with exit code 1 (System.CommandLine's parse errors); <c>--help</c> prints usage and exits 0.
/// </summary>
internal static class ServerCommand
{
    /// <summary>Builds the root command; <paramref name="serve"/> runs the server with the parsed settings and returns the exit code.</summary>
    public static RootCommand Create(Func<ServerSettings, CancellationToken, Task<int>> serve)
    {
        var port = new Option<int>("--port") { Description = "The port every service shares.", DefaultValueFactory = _ => 4566 };
        var host = new Option<string>("--host") { Description = "The address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var region = new Option<string>("--region") { Description = "The cloud's default region.", DefaultValueFactory = _ => "us-east-1" };
        var account = new Option<string>("--account") { Description = "The account every resource belongs to.", DefaultValueFactory = _ => "123456789012" };
        var clock = Choice<ServerClock>("--clock",
            "wall: the clock follows the wall clock and admin advances add to it; manual: it stands still until advanced.");
        var auth = Choice<ServerAuth>("--auth", "permissive: any signature is accepted; strict: signatures must verify.");
        var state = new Option<string?>("--state")
        {
            Description = "A snapshot file: the cloud's state is loaded from it at start, when it exists, and saved to it at shutdown (like DynamoDB Local's -dbPath).",
        };
        var recordCalls = new Option<int>("--record-calls")
        {
            Description = "How many of the most recent calls GET /_fakeaws/calls keeps (older ones are dropped and counted); 0 records none.",
            DefaultValueFactory = _ => CallLog.DefaultCapacity,
        };
        recordCalls.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--record-calls must be 0 or more.");
            }
        });
        var arrivalWindow = new Option<int>("--arrival-window")
        {
            Description = "Milliseconds of real time in which no invocation (Lambda Invoke, an API Gateway request) may arrive before the clock moves for " +
                "work waiting on it, so that clients started together overlap in virtual time and reserved concurrency throttles them deterministically. " +
                "Each invoke whose handler waits on the clock takes this much real time more; 0 moves the clock at once.",
            DefaultValueFactory = _ => ServerSettings.DefaultArrivalWindowMilliseconds,
        };
        arrivalWindow.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--arrival-window must be 0 or more.");
            }
        });
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        var root = new RootCommand(
            "FakeAws over loopback HTTP: DynamoDB, Lambda, Step Functions, Cognito and API Gateway on one port for the AWS CLI, boto3 and other SDKs. " +
            "Admin endpoints: GET /_fakeaws/health, GET /_fakeaws/clock, POST /_fakeaws/clock/advance {\"seconds\": N}, POST /_fakeaws/run-until-idle, POST /_fakeaws/reset, " +
            "GET|PUT /_fakeaws/state (a snapshot), GET|POST|DELETE /_fakeaws/faults[/{id}], GET|DELETE /_fakeaws/calls.")
        {
            port, host, region, account, clock, auth, state, recordCalls, arrivalWindow,
        };
        root.SetAction((parse, cancellationToken) => serve(
            new ServerSettings(
                parse.GetRequiredValue(host), parse.GetValue(port), parse.GetRequiredValue(region), parse.GetRequiredValue(account),
                Enum.Parse<ServerClock>(parse.GetRequiredValue(clock), ignoreCase: true),
                Enum.Parse<ServerAuth>(parse.GetRequiredValue(auth), ignoreCase: true),
                parse.GetValue(state),
                parse.GetValue(recordCalls),
                TimeSpan.FromMilliseconds(parse.GetValue(arrivalWindow))),
            cancellationToken));
        return root;
    }

    // An enum's members as lower-case words (`--clock wall|manual`), the first one the default.
    private static Option<string> Choice<TEnum>(string name, string description)
        where TEnum : struct, Enum
    {
        var words = Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => words[0] };
        option.AcceptOnlyFromAmong(words);
        return option;
    }
}
