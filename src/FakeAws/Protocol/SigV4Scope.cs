namespace FakeAws.Protocol;

/// <summary>The credential scope of a SigV4-signed request: who signed it, for which region and service.</summary>
internal readonly record struct SigV4Scope(string AccessKeyId, string Region, string Service)
{
    /// <summary>
    /// Reads the scope from <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, ...</c>.
    /// FakeAws does not check signatures; the scope only routes the request.
    /// </summary>
    public static SigV4Scope? From(WireRequest request)
    {
        var authorization = request.Header("Authorization");
        if (authorization is null)
        {
            return null;
        }
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += "Credential=".Length;
        var end = authorization.IndexOfAny([',', ' '], start);
        // AKID/date/region/service/aws4_request, read in place: every request of the server passes here.
        var credential = authorization.AsSpan(start..(end < 0 ? authorization.Length : end));
        Span<Range> parts = stackalloc Range[6];
        return credential.Split(parts, '/') >= 5
            ? new SigV4Scope(credential[parts[0]].ToString(), credential[parts[2]].ToString(), credential[parts[3]].ToString())
            : null;
    }
}
