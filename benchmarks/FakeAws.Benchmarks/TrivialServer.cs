using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using System.Text;

namespace FakeAws.Benchmarks;

/// <summary>
/// The load generator's floor: a Kestrel endpoint that reads each request's body and answers a fixed
/// GetItem-sized JSON body, started as a process of its own like the servers it is compared with
/// (<c>FakeAws.Benchmarks trivial-server PORT</c>, which <see cref="ServerLoad"/> runs).
/// </summary>
internal static class TrivialServer
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        $$$$"""{"Item":{"pk":{"S":"item#1"},"n":{"N":"1"},"flag":{"BOOL":true},"payload":{"S":"{{{{new string('x', 96)}}}}"}}}""");

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.ContentLength = Answer.Length;
            await context.Response.Body.WriteAsync(Answer);
        });
        await app.RunAsync();
    }
}
