using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using FakeAws.Engine.Lambda;

namespace FakeAws;

/// <summary>Each service's own answer to a caller that sends too fast, for <see cref="FaultRule.Throttle"/>.</summary>
internal static class ThrottlingErrors
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "TooManyRequestsException", "RequestThrottled", "RequestThrottledException", "SlowDown", "BandwidthLimitExceeded",
    };

    /// <summary>Whether an error code is a throttling error, as the SDKs' retry policies class it.</summary>
    public static bool IsThrottlingCode(string code) => Codes.Contains(code);

    /// <summary>The throttling error of the service with signing name <paramref name="service"/>.</summary>
    public static AwsServiceException Of(string service) => service switch
    {
        "dynamodb" => DynamoDbErrors.ProvisionedThroughputExceeded(provisioned: true, []),
        "lambda" => LambdaErrors.TooManyRequests("CallerRateLimitExceeded"),
        "apigateway" => new AwsServiceException("TooManyRequestsException", "Too Many Requests", 429),
        "cognito-idp" or "cognito-identity" => new AwsServiceException("TooManyRequestsException", "Rate exceeded"),
        _ => new AwsServiceException("ThrottlingException", "Rate exceeded"),
    };
}
