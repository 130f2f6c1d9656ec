using FakeAws.Engine.ApiGateway.Model;
using FakeAws.Engine.Core;

namespace FakeAws.Engine.ApiGateway;

// GetAccount and UpdateAccount: the account's API Gateway settings in a region.
internal sealed partial class ApiGatewayEngine
{
    /// <summary>
    /// The settings every account starts with, as AWS answers them: the account-level throttle
    /// (10,000 requests a second, bursts of 5,000), usage plans on, and API key version 4.
    /// </summary>
    private static Account DefaultAccount() => new()
    {
        ThrottleSettings = new ThrottleSettings { BurstLimit = 5000, RateLimit = 10000 },
        Features = ["UsagePlans"],
        ApiKeyVersion = "4",
    };

    public Account GetAccount(RequestScope scope, GetAccountRequest request) => Locked(scope, region =>
        ApiGatewayJson.Clone(region.Account ?? DefaultAccount()));

    /// <summary>
    /// Replaces <c>/cloudwatchRoleArn</c> (the role is kept, not assumed: FakeAws writes no logs to
    /// CloudWatch) and adds or removes a feature under <c>/features</c>.
    /// </summary>
    public Account UpdateAccount(RequestScope scope, UpdateAccountRequest request) => Locked(scope, region =>
    {
        var account = ApiGatewayJson.Clone(region.Account ?? DefaultAccount());
        foreach (var patch in request.PatchOperations ?? [])
        {
            switch (patch.Op, patch.Path)
            {
                case ("replace", "/cloudwatchRoleArn"):
                    account.CloudwatchRoleArn = string.IsNullOrEmpty(patch.Value) ? null : patch.Value;
                    break;
                case ("add", "/features"):
                    account.Features = [.. (account.Features ?? []).Where(f => f != patch.Value), patch.Value ?? ""];
                    break;
                case ("remove", "/features"):
                    account.Features = (account.Features ?? []).Where(f => f != patch.Value).ToList();
                    break;
                case (_, "/cloudwatchRoleArn" or "/features"):
                    throw ApiGatewayErrors.BadRequest($"Invalid patch path  '{patch.Path}' specified for op '{patch.Op}'. Please choose supported operations");
                default:
                    throw ApiGatewayErrors.BadRequest(
                        $"Invalid patch path  '{patch.Path}' specified for op '{patch.Op}'. Must be one of: [/cloudwatchRoleArn, /features]");
            }
        }
        region.Account = account;
        return ApiGatewayJson.Clone(account);
    });
}
