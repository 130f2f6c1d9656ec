using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda.Urls;

/// <summary>A function URL: the dedicated endpoint of a function ($LATEST) or of one of its aliases.</summary>
internal sealed class FunctionUrl
{
    /// <summary>The 32 lower-case letters and digits of the URL's host name.</summary>
    public required string UrlId { get; init; }

    /// <summary>$LATEST for the unqualified function, or an alias.</summary>
    public required string Qualifier { get; init; }

    public required string FunctionArn { get; init; }

    public required string Url { get; init; }

    public required string AuthType { get; set; }

    public Cors? Cors { get; set; }

    /// <summary>BUFFERED or RESPONSE_STREAM.</summary>
    public required string InvokeMode { get; set; }

    public required string CreationTime { get; init; }

    public required string LastModifiedTime { get; set; }

    /// <summary>The URL's host name in a region: <c>{url-id}.lambda-url.{region}.on.aws</c>.</summary>
    public static string Host(string urlId, string region) => $"{urlId}.lambda-url.{region}.on.aws";
}
