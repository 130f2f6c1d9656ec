using FakeAws.Engine.Cognito.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.Cognito;

// Groups: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup,
// AdminRemoveUserFromGroup, ListUsersInGroup, AdminListGroupsForUser.
internal sealed partial class CognitoIdentityProviderEngine
{
    public CreateGroupResponse CreateGroup(RequestScope scope, CreateGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            if (pool.Groups.ContainsKey(request.GroupName!))
            {
                throw CognitoErrors.GroupExists(request.GroupName!);
            }
            var now = Now;
            var group = new Group(new GroupType
            {
                GroupName = request.GroupName,
                UserPoolId = pool.Id,
                Description = request.Description,
                RoleArn = request.RoleArn,
                Precedence = request.Precedence,
                CreationDate = now,
                LastModifiedDate = now,
            });
            pool.Groups[group.Name] = group;
            return new CreateGroupResponse { Group = group.Description.Clone() };
        }
    }

    public GetGroupResponse GetGroup(RequestScope scope, GetGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            return new GetGroupResponse { Group = Group(pool, request.GroupName).Description.Clone() };
        }
    }

    public UpdateGroupResponse UpdateGroup(RequestScope scope, UpdateGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var group = Group(pool, request.GroupName);
            var updated = group.Description.Clone();
            updated.Description = request.Description ?? updated.Description;
            updated.RoleArn = request.RoleArn ?? updated.RoleArn;
            updated.Precedence = request.Precedence ?? updated.Precedence;
            updated.LastModifiedDate = Now;
            group.Description = updated;
            return new UpdateGroupResponse { Group = updated.Clone() };
        }
    }

    public void DeleteGroup(RequestScope scope, DeleteGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var group = Group(pool, request.GroupName);
            pool.Groups.Remove(group.Name);
            foreach (var user in pool.Users.Values)
            {
                user.Groups.Remove(group.Name);
            }
        }
    }

    public ListGroupsResponse ListGroups(RequestScope scope, ListGroupsRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var groups = pool.Groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
            var (page, next) = Paging.Page(groups, request.NextToken, request.Limit ?? 60, g => g.Name);
            return new ListGroupsResponse { Groups = page.Select(g => g.Description.Clone()).ToList(), NextToken = next };
        }
    }

    public void AdminAddUserToGroup(RequestScope scope, AdminAddUserToGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var group = Group(pool, request.GroupName);
            User(pool, request.Username).Groups.Add(group.Name);
        }
    }

    public void AdminRemoveUserFromGroup(RequestScope scope, AdminRemoveUserFromGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var group = Group(pool, request.GroupName);
            User(pool, request.Username).Groups.Remove(group.Name);
        }
    }

    public ListUsersInGroupResponse ListUsersInGroup(RequestScope scope, ListUsersInGroupRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var group = Group(pool, request.GroupName);
            var users = pool.Users.Values.Where(u => u.Groups.Contains(group.Name))
                .OrderBy(u => u.Created).ToList();
            var (page, next) = Paging.Page(users, request.NextToken, request.Limit ?? 60, u => u.Username);
            return new ListUsersInGroupResponse { Users = page.Select(u => ToUserType(u)).ToList(), NextToken = next };
        }
    }

    public AdminListGroupsForUserResponse AdminListGroupsForUser(RequestScope scope, AdminListGroupsForUserRequest request)
    {
        var pool = Pool(scope, request.UserPoolId);
        lock (pool.Gate)
        {
            var user = User(pool, request.Username);
            var groups = user.Groups.Select(g => pool.Groups[g]).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
            var (page, next) = Paging.Page(groups, request.NextToken, request.Limit ?? 60, g => g.Name);
            return new AdminListGroupsForUserResponse { Groups = page.Select(g => g.Description.Clone()).ToList(), NextToken = next };
        }
    }

    private static Group Group(UserPool pool, string? name) =>
        name is not null && pool.Groups.TryGetValue(name, out var group) ? group : throw CognitoErrors.GroupNotFound();
}
