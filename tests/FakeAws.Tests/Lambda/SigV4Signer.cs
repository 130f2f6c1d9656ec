using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FakeAws.Tests.Lambda;

/// <summary>Signs a body-less request with SigV4 (host and x-amz-date signed), as an SDK signs a call to an AWS_IAM function URL.</summary>
internal static class SigV4Signer
{
    public static void Sign(HttpRequestMessage request, string accessKey, string secretKey, string region, DateTimeOffset at)
    {
        var uri = request.RequestUri!;
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var day = amzDate[..8];
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        var canonical = $"{request.Method.Method}\n{uri.AbsolutePath}\n\nhost:{uri.Host}\nx-amz-date:{amzDate}\n\nhost;x-amz-date\n{Hex(SHA256.HashData([]))}";
        var scope = $"{day}/{region}/lambda/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { day, region, "lambda", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders=host;x-amz-date, Signature={signature}");
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
