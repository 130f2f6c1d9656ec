using System.Text.Json.Nodes;

namespace FakeAws.Tests.Cognito;

/// <summary>User pool domains and resource servers: the control plane the OAuth endpoints stand on.</summary>
public sealed class DomainTests : CognitoTestBase
{
    [Test]
    public async Task PrefixDomain_IsDescribed_ShownOnThePool_AndUniqueInTheRegion()
    {
        var (poolId, _) = await EmailPool();
        var created = await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "my-app" });
        Assert.That(created["ManagedLoginVersion"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(created.ContainsKey("CloudFrontDomain"), Is.False);

        var described = (await Idp("DescribeUserPoolDomain", new { Domain = "my-app" }))["DomainDescription"]!;
        Assert.That(described["UserPoolId"]!.GetValue<string>(), Is.EqualTo(poolId));
        Assert.That(described["Domain"]!.GetValue<string>(), Is.EqualTo("my-app"));
        Assert.That(described["Status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
        Assert.That(described["AWSAccountId"]!.GetValue<string>(), Is.EqualTo(Aws.Options.AccountId));
        Assert.That(described["CloudFrontDistribution"]!.GetValue<string>(), Does.EndWith(".cloudfront.net"));
        Assert.That((await Idp("DescribeUserPool", new { UserPoolId = poolId }))["UserPool"]!["Domain"]!.GetValue<string>(), Is.EqualTo("my-app"));

        var again = await IdpError("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "my-other-app" });
        Assert.That((again.Code, again.Message), Is.EqualTo(("InvalidParameterException", "User pool already has a domain configured.")));
        var (otherPool, _) = await EmailPool();
        var taken = await IdpError("CreateUserPoolDomain", new { UserPoolId = otherPool, Domain = "my-app" });
        Assert.That((taken.Code, taken.Message), Is.EqualTo(("InvalidParameterException", "Domain already associated with another user pool.")));
    }

    [Test]
    public async Task DeletingThePool_NeedsTheDomainGoneFirst_AndAGoneDomainIsAnEmptyDescription()
    {
        var (poolId, _) = await EmailPool();
        await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "doomed" });
        var refused = await IdpError("DeleteUserPool", new { UserPoolId = poolId });
        Assert.That(refused.Message, Is.EqualTo("User pool cannot be deleted. It has a domain configured that should be deleted first."));

        await Idp("DeleteUserPoolDomain", new { UserPoolId = poolId, Domain = "doomed" });
        Assert.That((await Idp("DescribeUserPoolDomain", new { Domain = "doomed" }))["DomainDescription"]!.AsObject(), Is.Empty);
        Assert.That((await Idp("DescribeUserPool", new { UserPoolId = poolId }))["UserPool"]!.AsObject().ContainsKey("Domain"), Is.False);
        var gone = await IdpError("DeleteUserPoolDomain", new { UserPoolId = poolId, Domain = "doomed" });
        Assert.That(gone.Code, Is.EqualTo("InvalidParameterException"));
        await Idp("DeleteUserPool", new { UserPoolId = poolId });
    }

    [Test]
    public async Task CustomDomain_TakesAHostName_WithACertificate_BesideAPrefix()
    {
        var (poolId, _) = await EmailPool();
        const string certificate = "arn:aws:acm:us-east-1:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
        var bare = await IdpError("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "auth.example.com" });
        Assert.That(bare.Message, Does.StartWith("1 validation error detected: Value 'auth.example.com' at 'domain' failed to satisfy constraint"));

        await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "prefix-too" });
        var created = await Idp("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = "auth.example.com", CustomDomainConfig = new { CertificateArn = certificate } });
        Assert.That(created["CloudFrontDomain"]!.GetValue<string>(), Does.EndWith(".cloudfront.net"));
        var described = (await Idp("DescribeUserPoolDomain", new { Domain = "auth.example.com" }))["DomainDescription"]!;
        Assert.That(described["CustomDomainConfig"]!["CertificateArn"]!.GetValue<string>(), Is.EqualTo(certificate));
        var pool = (await Idp("DescribeUserPool", new { UserPoolId = poolId }))["UserPool"]!;
        Assert.That((pool["Domain"]!.GetValue<string>(), pool["CustomDomain"]!.GetValue<string>()), Is.EqualTo(("prefix-too", "auth.example.com")));

        var updated = await Idp("UpdateUserPoolDomain", new { UserPoolId = poolId, Domain = "auth.example.com", ManagedLoginVersion = 2 });
        Assert.That(updated["ManagedLoginVersion"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task ResourceServers_HoldCustomScopes_ThatClientsMayAllow()
    {
        var (poolId, _) = await EmailPool();
        var created = (await Idp("CreateResourceServer", new
        {
            UserPoolId = poolId,
            Identifier = "https://api.example.com",
            Name = "api",
            Scopes = new[] { new { ScopeName = "read", ScopeDescription = "Read" }, new { ScopeName = "write", ScopeDescription = "Write" } },
        }))["ResourceServer"]!;
        Assert.That(created["Scopes"]!.AsArray(), Has.Count.EqualTo(2));
        var duplicate = await IdpError("CreateResourceServer", new { UserPoolId = poolId, Identifier = "https://api.example.com", Name = "api" });
        Assert.That(duplicate.Code, Is.EqualTo("InvalidParameterException"));

        await Idp("UpdateResourceServer", new { UserPoolId = poolId, Identifier = "https://api.example.com", Name = "api v2", Scopes = new[] { new { ScopeName = "read", ScopeDescription = "Read" } } });
        var described = (await Idp("DescribeResourceServer", new { UserPoolId = poolId, Identifier = "https://api.example.com" }))["ResourceServer"]!;
        Assert.That((described["Name"]!.GetValue<string>(), described["Scopes"]!.AsArray().Count), Is.EqualTo(("api v2", 1)));
        Assert.That((await Idp("ListResourceServers", new { UserPoolId = poolId, MaxResults = 10 }))["ResourceServers"]!.AsArray(), Has.Count.EqualTo(1));

        var unknownScope = await IdpError("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "m2m", GenerateSecret = true, AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = new[] { "client_credentials" }, AllowedOAuthScopes = new[] { "https://api.example.com/write" },
        });
        Assert.That((unknownScope.Code, unknownScope.Message), Is.EqualTo(("ScopeDoesNotExistException", "Invalid scope requested: https://api.example.com/write")));
        var noSecret = await IdpError("CreateUserPoolClient", new
        {
            UserPoolId = poolId, ClientName = "m2m", AllowedOAuthFlowsUserPoolClient = true,
            AllowedOAuthFlows = new[] { "client_credentials" }, AllowedOAuthScopes = new[] { "https://api.example.com/read" },
        });
        Assert.That((noSecret.Code, noSecret.Message), Is.EqualTo(("InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.")));

        await Idp("DeleteResourceServer", new { UserPoolId = poolId, Identifier = "https://api.example.com" });
        var gone = await IdpError("DescribeResourceServer", new { UserPoolId = poolId, Identifier = "https://api.example.com" });
        Assert.That(gone.Code, Is.EqualTo("ResourceNotFoundException"));
    }
}
