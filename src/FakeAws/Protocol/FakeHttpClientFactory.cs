using Amazon.Runtime;

namespace FakeAws.Protocol;

/// <summary>
/// Gives the SDK HttpClients that talk to one cloud in memory. Each SDK client keeps its own
/// HttpClients (<see cref="GetConfigUniqueString"/> returns null), so two clouds never share one.
/// </summary>
internal sealed class FakeHttpClientFactory(FakeAwsCloud cloud) : HttpClientFactory
{
    public FakeAwsCloud Cloud => cloud;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => cloud.CreateHttpClient();

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
