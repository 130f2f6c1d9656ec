using System.Text.Json.Nodes;
using FakeAws.Engine.Cognito.Federation;

namespace FakeAws.Cognito;

/// <summary>
/// Federated identity providers over HTTP: through the handler a test gives
/// <see cref="FakeCognito.UpstreamHttpHandler"/> (an OIDC provider in process), else the network (FakeAws.Server
/// reaching a provider a script runs).
/// </summary>
internal sealed class HttpOidcUpstream(Func<HttpMessageHandler?> handler) : IOidcUpstream
{
    public async Task<JsonObject> GetJsonAsync(string url, CancellationToken ct)
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri(url), ct).ConfigureAwait(false);
        return await ReadAsync(response, ct).ConfigureAwait(false);
    }

    public async Task<JsonObject> PostFormAsync(string url, IReadOnlyDictionary<string, string> form, CancellationToken ct)
    {
        using var http = Client();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(url), content, ct).ConfigureAwait(false);
        return await ReadAsync(response, ct).ConfigureAwait(false);
    }

    private HttpClient Client() => handler() is { } given ? new HttpClient(given, disposeHandler: false) : new HttpClient();

    // A provider's answer that is not a JSON object reads as an empty one: the sign-in then fails as an invalid token.
    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
