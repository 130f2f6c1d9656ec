using System.Globalization;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;
using FakeAws.Engine.Lambda.Urls;

namespace FakeAws.Engine.Lambda;

// CreateFunctionUrlConfig, GetFunctionUrlConfig, UpdateFunctionUrlConfig, DeleteFunctionUrlConfig and
// ListFunctionUrlConfigs: one URL per function ($LATEST) and per alias.
internal sealed partial class LambdaEngine
{
    private const string UrlIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public CreateFunctionUrlConfigResponse CreateFunctionUrlConfig(RequestScope scope, CreateFunctionUrlConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = UrlFunction(region, reference.Name);
            var qualifier = reference.Qualifier ?? FunctionArns.Latest;
            if (function.Urls.TryGetValue(qualifier, out var existing))
            {
                throw LambdaErrors.Conflict(
                    $"Failed to create function url config for [functionArn = {existing.FunctionArn}]. Error message:  FunctionUrlConfig exists for this Lambda function");
            }
            if (qualifier != FunctionArns.Latest && !function.Aliases.ContainsKey(qualifier))
            {
                throw LambdaErrors.NotFound("Function does not exist");
            }
            var urlId = _cloud.Ids.NewString(32, UrlIdAlphabet);
            var now = UrlTimestamp();
            var url = new FunctionUrl
            {
                UrlId = urlId,
                Qualifier = qualifier,
                FunctionArn = reference.Qualifier is { } q ? FunctionArns.Qualified(scope, function.Name, q) : function.Arn,
                Url = $"https://{FunctionUrl.Host(urlId, scope.Region)}/",
                AuthType = request.AuthType!,
                Cors = request.Cors,
                InvokeMode = request.InvokeMode ?? "BUFFERED",
                CreationTime = now,
                LastModifiedTime = now,
            };
            function.Urls[qualifier] = url;
            region.UrlIds[urlId] = function;
            return Reshape<CreateFunctionUrlConfigResponse>(Config(url));
        }
    }

    public GetFunctionUrlConfigResponse GetFunctionUrlConfig(RequestScope scope, GetFunctionUrlConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            return Reshape<GetFunctionUrlConfigResponse>(Config(ExistingUrl(region, reference)));
        }
    }

    public UpdateFunctionUrlConfigResponse UpdateFunctionUrlConfig(RequestScope scope, UpdateFunctionUrlConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var function = UrlFunction(region, reference.Name);
            if (reference.Qualifier is { } alias && alias != FunctionArns.Latest && !function.Aliases.ContainsKey(alias))
            {
                throw LambdaErrors.NotFound("Function does not exist");
            }
            var url = ExistingUrl(region, reference);
            url.AuthType = request.AuthType ?? url.AuthType;
            url.Cors = request.Cors ?? url.Cors;
            url.InvokeMode = request.InvokeMode ?? url.InvokeMode;
            url.LastModifiedTime = UrlTimestamp();
            return Reshape<UpdateFunctionUrlConfigResponse>(Config(url));
        }
    }

    public void DeleteFunctionUrlConfig(RequestScope scope, DeleteFunctionUrlConfigRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, request.Qualifier);
        var region = Region(scope);
        lock (region.Gate)
        {
            var url = ExistingUrl(region, reference);
            region.Functions[reference.Name].Urls.Remove(url.Qualifier);
            region.UrlIds.Remove(url.UrlId);
        }
    }

    public ListFunctionUrlConfigsResponse ListFunctionUrlConfigs(RequestScope scope, ListFunctionUrlConfigsRequest request)
    {
        var reference = FunctionArns.Resolve(scope, request.FunctionName!, null);
        var region = Region(scope);
        List<FunctionUrlConfig> all;
        lock (region.Gate)
        {
            all = UrlFunction(region, reference.Name).Urls.Values.Select(Config).ToList();
        }
        var (page, next) = Paging.Take(all, request.Marker, request.MaxItems);
        return new ListFunctionUrlConfigsResponse { FunctionUrlConfigs = page, NextMarker = next };
    }

    /// <summary>A URL as the operations show it; CreateFunctionUrlConfig's response leaves out LastModifiedTime.</summary>
    private static FunctionUrlConfig Config(FunctionUrl url) => new()
    {
        FunctionUrl = url.Url,
        FunctionArn = url.FunctionArn,
        AuthType = url.AuthType,
        Cors = url.Cors,
        CreationTime = url.CreationTime,
        LastModifiedTime = url.LastModifiedTime,
        InvokeMode = url.InvokeMode,
    };

    /// <summary>Forgets the URLs of a function being deleted, or of one of its aliases.</summary>
    private static void ForgetUrls(LambdaRegion region, LambdaFunction function, string? qualifier = null)
    {
        foreach (var url in function.Urls.Values.Where(u => qualifier is null || u.Qualifier == qualifier).ToList())
        {
            function.Urls.Remove(url.Qualifier);
            region.UrlIds.Remove(url.UrlId);
        }
    }

    /// <summary>The function of a URL request; AWS's text for a missing one differs from the other operations'.</summary>
    private static LambdaFunction UrlFunction(LambdaRegion region, string name) =>
        region.Functions.TryGetValue(name, out var function) ? function : throw LambdaErrors.NotFound("Function does not exist");

    private static FunctionUrl ExistingUrl(LambdaRegion region, FunctionRef reference) =>
        region.Functions.TryGetValue(reference.Name, out var function) && function.Urls.TryGetValue(reference.Qualifier ?? FunctionArns.Latest, out var url)
            ? url
            : throw LambdaErrors.NotFound("The resource you requested does not exist.");

    /// <summary>Function URLs' times: ISO 8601 with microseconds, <c>2024-01-01T00:00:00.000000Z</c>.</summary>
    private string UrlTimestamp() => Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
