using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// ListUsers, with AWS's filter syntax and paging.
internal sealed partial class CognitoIdentityProviderEngine
{
    public ListUsersResponse ListUsers(RequestScope scope, ListUsersRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        var filter = UserFilter.Parse(request.Filter);
        lock (pool.Gate)
        {
            var users = pool.Users.Values.Where(u => filter?.Matches(u) ?? true)
                .OrderBy(u => u.Created).ToList();
            var (page, next) = Paging.Page(users, request.PaginationToken, request.Limit ?? 60, u => u.Username);
            return new ListUsersResponse
            {
                Users = page.Select(u => ToUserType(u, request.AttributesToGet is { Count: > 0 } only ? only : null)).ToList(),
                PaginationToken = next,
            };
        }
    }
}
