using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Client secret rotation: AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret.
// A confidential client holds one or two active secrets; every check of a secret accepts either
// (AppClient.ProvesSecret), and the one made by CreateUserPoolClient is listed like the others.
internal sealed partial class CognitoIdentityProviderEngine
{
    public AddUserPoolClientSecretResponse AddUserPoolClientSecret(RequestScope scope, AddUserPoolClientSecretRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var client = Client(pool, request.ClientId);
            if (client.Secrets.Count == 0)
            {
                throw CognitoErrors.PublicClient(client.Id);
            }
            if (client.Secrets.Count >= AppClient.MaxSecrets)
            {
                throw CognitoErrors.TooManyClientSecrets(client.Id);
            }
            var secret = client.AddSecret(request.ClientSecret ?? _cloud.Ids.NewString(51, ClientIdAlphabet), Now);
            var descriptor = Descriptor(secret);
            // AWS shows the value only of a secret it made: the caller already has the one it gave.
            descriptor.ClientSecretValue = request.ClientSecret is null ? secret.Value : null;
            return new AddUserPoolClientSecretResponse { ClientSecretDescriptor = descriptor };
        }
    }

    public ListUserPoolClientSecretsResponse ListUserPoolClientSecrets(RequestScope scope, ListUserPoolClientSecretsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            // At most two secrets: AWS answers them all at once, with no NextToken, and never their values.
            var client = Client(pool, request.ClientId);
            return new ListUserPoolClientSecretsResponse { ClientSecrets = [.. client.Secrets.Select(Descriptor)] };
        }
    }

    public DeleteUserPoolClientSecretResponse DeleteUserPoolClientSecret(RequestScope scope, DeleteUserPoolClientSecretRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var client = Client(pool, request.ClientId);
            var secret = client.Secrets.FirstOrDefault(s => s.Id == request.ClientSecretId) ?? throw CognitoErrors.ClientSecretNotFound(request.ClientSecretId!);
            if (client.Secrets.Count == 1)
            {
                throw CognitoErrors.LastClientSecret(client.Id);
            }
            client.RemoveSecret(secret);
            return new DeleteUserPoolClientSecretResponse();
        }
    }

    private static ClientSecretDescriptorType Descriptor(ClientSecret secret) =>
        new() { ClientSecretId = secret.Id, ClientSecretCreateDate = secret.Created };
}
