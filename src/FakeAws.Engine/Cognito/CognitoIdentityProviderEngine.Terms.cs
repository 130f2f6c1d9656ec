using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Terms documents (CreateTerms, DescribeTerms, ListTerms, UpdateTerms, DeleteTerms), stored and validated: links per
// managed-login language to an app client's terms of use and privacy policy, one of each name per client. The model
// checks names, sources, enforcement, languages and URLs; the hosted login FakeAws serves does not show them.
internal sealed partial class CognitoIdentityProviderEngine
{
    // LanguageIdType: the model's key pattern, which the generated validation (values only) does not check.
    private const string TermsLanguagePattern =
        "^cognito:(default|dutch|english|french|spanish|german|bahasa-indonesia|italian|japanese|korean|portuguese-brazil|chinese-(simplified|traditional))$";

    public CreateTermsResponse CreateTerms(RequestScope scope, CreateTermsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            Client(pool, request.ClientId);
            if (request.Links is null)
            {
                throw CognitoErrors.InvalidParameter("Links are required when TermsSource is LINK.");
            }
            CheckTermsLanguages(request.Links);
            CheckTermsNameFree(pool, request.ClientId!, request.TermsName!, exceptId: null);
            var now = Now;
            var terms = new TermsType
            {
                TermsId = _cloud.Ids.NewGuid().ToString(),
                UserPoolId = pool.Id,
                ClientId = request.ClientId,
                TermsName = request.TermsName,
                TermsSource = request.TermsSource,
                Enforcement = request.Enforcement,
                Links = new Dictionary<string, string>(request.Links, StringComparer.Ordinal),
                CreationDate = now,
                LastModifiedDate = now,
            };
            pool.Terms[terms.TermsId] = terms;
            return new CreateTermsResponse { Terms = terms.Clone() };
        }
    }

    public DescribeTermsResponse DescribeTerms(RequestScope scope, DescribeTermsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new DescribeTermsResponse { Terms = Terms(pool, request.TermsId).Clone() };
        }
    }

    public ListTermsResponse ListTerms(RequestScope scope, ListTermsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var (page, next) = Paging.Page(pool.Terms.Values.ToList(), request.NextToken, request.MaxResults ?? 60, t => t.TermsId!);
            return new ListTermsResponse
            {
                Terms = [.. page.Select(t => new TermsDescriptionType
                {
                    TermsId = t.TermsId,
                    TermsName = t.TermsName,
                    Enforcement = t.Enforcement,
                    CreationDate = t.CreationDate,
                    LastModifiedDate = t.LastModifiedDate,
                })],
                NextToken = next,
            };
        }
    }

    public UpdateTermsResponse UpdateTerms(RequestScope scope, UpdateTermsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var terms = Terms(pool, request.TermsId);
            if (request.TermsName is { } name)
            {
                CheckTermsNameFree(pool, terms.ClientId!, name, exceptId: terms.TermsId);
                terms.TermsName = name;
            }
            // What the request leaves out stays as it was: every member but the ids is optional here.
            terms.TermsSource = request.TermsSource ?? terms.TermsSource;
            terms.Enforcement = request.Enforcement ?? terms.Enforcement;
            if (request.Links is { } links)
            {
                CheckTermsLanguages(links);
                terms.Links = new Dictionary<string, string>(links, StringComparer.Ordinal);
            }
            terms.LastModifiedDate = Now;
            return new UpdateTermsResponse { Terms = terms.Clone() };
        }
    }

    public void DeleteTerms(RequestScope scope, DeleteTermsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            pool.Terms.Remove(Terms(pool, request.TermsId).TermsId!);
        }
    }

    private static TermsType Terms(UserPool pool, string? id) =>
        id is not null && pool.Terms.TryGetValue(id, out var terms) ? terms : throw CognitoErrors.ResourceNotFound($"Terms {id} does not exist.");

    /// <summary>An app client holds one terms document of each name (terms-of-use, privacy-policy).</summary>
    private static void CheckTermsNameFree(UserPool pool, string clientId, string name, string? exceptId)
    {
        if (pool.Terms.Values.Any(t => t.ClientId == clientId && t.TermsName == name && t.TermsId != exceptId))
        {
            throw new AwsServiceException("TermsExistsException", $"Terms {name} already exist for app client {clientId}.");
        }
    }

    /// <summary>Each link's key is a managed login language, as the model's map key shape says.</summary>
    private static void CheckTermsLanguages(Dictionary<string, string> links)
    {
        if (links.Keys.Any(language => !System.Text.RegularExpressions.Regex.IsMatch(language, TermsLanguagePattern)))
        {
            throw CognitoErrors.InvalidParameter(
                $"1 validation error detected: Value at 'links' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: {TermsLanguagePattern}]");
        }
    }
}
