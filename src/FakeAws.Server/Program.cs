using FakeAws;
using FakeAws.Server;

// FakeAws.Server: `dotnet run --project src/FakeAws.Server -- --port 4566 [--host 127.0.0.1] [--region us-east-1] [--account 123456789012]`.
// One port serves every service; the request's X-Amz-Target, SigV4 credential scope or path picks it.
var settings = ServerSettings.Parse(args);
using var cloud = new FakeAwsCloud(new FakeAwsOptions { Region = settings.Region, AccountId = settings.AccountId });

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://{settings.Host}:{settings.Port}");
var app = builder.Build();
app.Run(async context =>
{
    if (!await ExecuteApiBridge.TryServeAsync(cloud, context))
    {
        await WireBridge.ServeAsync(cloud, context);
    }
});
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"FakeAws listening on http://{settings.Host}:{settings.Port} ({settings.Region}, account {settings.AccountId})"));
app.Run();
