using FakeAws;
using FakeAws.Server;

// FakeAws.Server, the `fakeaws` tool: `fakeaws --port 4566 [--host 127.0.0.1] [--region us-east-1]
// [--account 123456789012] [--clock wall|manual] [--auth permissive|strict] [--state FILE] [--record-calls 1000] [--arrival-window 500]`; `fakeaws --help` for usage.
// One port serves every service; the request's host, X-Amz-Target, SigV4 credential scope or path picks it.
return await ServerCommand.Create(ServeAsync).Parse(args).InvokeAsync();

static async Task<int> ServeAsync(ServerSettings settings, CancellationToken cancellationToken)
{
    using var cloud = new FakeAwsCloud(new FakeAwsOptions
    {
        Region = settings.Region,
        AccountId = settings.AccountId,
        TimeProvider = settings.Clock == ServerClock.Wall ? WallClock.StartingNow() : null,
        // Signatures are dated by the client's clock and checked against the cloud's: with --clock manual,
        // advancing more than AWS's 15 minutes of skew makes them expired, as AWS would answer.
        VerifySignatures = settings.Auth == ServerAuth.Strict,
        RecordCalls = settings.RecordCalls > 0,
        CallLogCapacity = Math.Max(1, settings.RecordCalls),
        ArrivalWindow = settings.ArrivalWindow,
    });
    if (settings.StateFile is { } stateFile && File.Exists(stateFile))
    {
        await using var saved = File.OpenRead(stateFile);
        cloud.Restore(CloudSnapshot.Load(saved));
    }
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Logging.AddFilter(ClientFaults.LogCategory, LogLevel.Information);
    // ASP.NET's request logging is off entirely: enabled at any level, it starts an Activity and a logging
    // scope for every request, which cost more than a GetItem (Kestrel still logs unhandled exceptions).
    builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
    builder.WebHost.UseUrls($"http://{settings.Host}:{settings.Port}");
    var app = builder.Build();
    // WebSocket APIs take upgrade requests at their execute-api hosts (WebSocketBridge).
    app.UseWebSockets();
    var requests = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(ClientFaults.LogCategory);
    app.Run(async context =>
    {
        try
        {
            if (!await ExecuteApiBridge.TryServeAsync(cloud, context))
            {
                await WireBridge.ServeAsync(cloud, context);
            }
        }
        catch (Exception e) when (ClientFaults.Caused(e, context))
        {
            ClientFaults.Answer(e, context, requests);
        }
    });
    using var wall = settings.Clock == ServerClock.Wall ? WallClock.Follow(cloud.Clock, app.Logger) : null;
    app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
        $"FakeAws listening on http://{settings.Host}:{settings.Port} ({settings.Region}, account {settings.AccountId}, " +
        $"clock {settings.Clock.ToString().ToLowerInvariant()}, auth {settings.Auth.ToString().ToLowerInvariant()})"));
    await app.RunAsync(cancellationToken);
    if (settings.StateFile is { } file)
    {
        // Written beside the file and moved over it, so a crash while saving leaves the last good state.
        var partial = file + ".saving";
        await using (var output = File.Create(partial))
        {
            cloud.Snapshot().Save(output);
        }
        File.Move(partial, file, overwrite: true);
    }
    return 0;
}
