using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Engine.Lambda.Policies;

namespace FakeAws.Engine.Lambda;

// AddPermission, RemovePermission and GetPolicy: a function's resource-based policies, one per
// qualifier, and their enforcement when another service invokes the function.
internal sealed partial class LambdaEngine
{
    /// <summary>Service principals that invoke with an execution role, which no resource-based policy governs.</summary>
    private static readonly HashSet<string> RoleInvokers = new(StringComparer.Ordinal)
    {
        "states.amazonaws.com", "lambda.amazonaws.com", "scheduler.amazonaws.com", "pipes.amazonaws.com",
    };

    public AddPermissionResponse AddPermission(RequestScope scope, AddPermissionRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        if (reference.Qualifier == FunctionArns.Latest)
        {
            throw LambdaErrors.InvalidParameter("We currently do not support adding policies for $LATEST.");
        }
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var key = PolicyKey(function, reference.Qualifier);
            if (request.RevisionId is not null && request.RevisionId != PolicyRevision(function, key))
            {
                throw LambdaErrors.RevisionMismatch();
            }
            var resource = reference.Qualifier is { } qualifier ? FunctionArns.Qualified(scope, function.Name, qualifier) : function.Arn;
            var statement = PermissionStatements.Build(request.StatementId!, request.Action!, request.Principal!, resource, new PermissionConditions(
                request.SourceArn, request.SourceAccount, request.PrincipalOrgID, request.EventSourceToken, request.FunctionUrlAuthType, request.InvokedViaFunctionUrl));
            if (!function.Policies.TryGetValue(key, out var policy))
            {
                policy = new ResourcePolicy();
            }
            policy.Add(statement);
            function.Policies[key] = policy;
            BumpPolicyRevision(function, key);
            return new AddPermissionResponse { Statement = ResourcePolicy.Render(statement) };
        }
    }

    public void RemovePermission(RequestScope scope, RemovePermissionRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            if (!region.Functions.TryGetValue(reference.Name, out var function))
            {
                throw LambdaErrors.NotFound($"No policy found for: {FunctionArns.Function(scope, reference.Name)}");
            }
            var key = PolicyKey(function, reference.Qualifier);
            if (!function.Policies.TryGetValue(key, out var policy))
            {
                throw LambdaErrors.NotFound("No policy is associated with the given resource.");
            }
            if (request.RevisionId is not null && request.RevisionId != PolicyRevision(function, key))
            {
                throw LambdaErrors.RevisionMismatch();
            }
            policy.Remove(request.StatementId!);
            if (policy.IsEmpty)
            {
                function.Policies.Remove(key);
            }
            BumpPolicyRevision(function, key);
        }
    }

    public GetPolicyResponse GetPolicy(RequestScope scope, GetPolicyRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = GetFunction(region, reference);
            var key = PolicyKey(function, reference.Qualifier);
            return function.Policies.TryGetValue(key, out var policy)
                ? new GetPolicyResponse { Policy = policy.Document(), RevisionId = PolicyRevision(function, key) }
                : throw LambdaErrors.NotFound("The resource you requested does not exist.");
        }
    }

    /// <summary>
    /// Refuses an invocation by another service that the policy of the qualifier it invokes does not
    /// allow. Clients of the cloud, services that invoke with their execution role, and calls made with
    /// an assumed role (an API Gateway integration with credentials) are not checked: IAM, which FakeAws
    /// does not model, authorizes those.
    /// </summary>
    private void CheckInvokePermission(RequestScope scope, InvokeTarget target, bool viaFunctionUrl = false)
    {
        if (!Options.EnforceResourcePolicies || scope.Caller is not { } caller || caller.RoleArn is not null || RoleInvokers.Contains(caller.Principal))
        {
            return;
        }
        lock (target.Region.Gate)
        {
            if (target.Function.Policies.TryGetValue(target.Qualifier, out var policy)
                && PermissionStatements.Allows(policy, caller, scope.AccountId, "lambda:InvokeFunction", viaFunctionUrl))
            {
                return;
            }
        }
        throw LambdaErrors.NotAuthorized(caller.Principal, "lambda:InvokeFunction", target.InvokedArn);
    }

    /// <summary>The qualifier whose policy a request names ($LATEST when none), which must exist.</summary>
    private static string PolicyKey(LambdaFunction function, string? qualifier)
    {
        GetVersion(function, qualifier);
        return qualifier ?? FunctionArns.Latest;
    }

    /// <summary>The RevisionId a policy request compares and GetPolicy shows: the alias's, else the version's.</summary>
    private string PolicyRevision(LambdaFunction function, string key) =>
        function.Aliases.TryGetValue(key, out var alias) ? alias.RevisionId : CurrentRevisionId(function.FindVersion(key)!);

    private void BumpPolicyRevision(LambdaFunction function, string key)
    {
        if (function.Aliases.TryGetValue(key, out var alias))
        {
            alias.RevisionId = NewRevisionId();
        }
        else
        {
            function.FindVersion(key)!.RevisionId = NewRevisionId();
        }
    }
}
