using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;

namespace FakeAws.Tour;

/// <summary>AddFakeAws() points every AddAWSService&lt;T&gt;() of an app's container at the cloud.</summary>
internal static class DependencyInjectionStop
{
    public static async Task RunAsync()
    {
        var services = new ServiceCollection();
        services.AddAWSService<IAmazonDynamoDB>(); // as the production app registers it
        services.AddFakeAws();                      // as the test adds it
        await using var provider = services.BuildServiceProvider();

        var ddb = provider.GetRequiredService<IAmazonDynamoDB>();
        var tables = await ddb.ListTablesAsync();
        Stop.Say($"IAmazonDynamoDB resolved to {ddb.GetType().Name} talking to {provider.GetFakeAws().ServiceUrl}; {tables.TableNames.Count} tables");
        Stop.Say($"TimeProvider resolves to the cloud's clock: {provider.GetRequiredService<TimeProvider>() == provider.GetFakeAws().Clock}");
    }
}
