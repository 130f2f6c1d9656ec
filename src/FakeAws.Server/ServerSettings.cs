namespace FakeAws.Server;

/// <summary>The settings the command line gives the server.</summary>
/// <param name="Host">The address to listen on; loopback unless told otherwise.</param>
/// <param name="Port">The port every service shares.</param>
/// <param name="Region">The cloud's default region.</param>
/// <param name="AccountId">The account every resource belongs to.</param>
/// <param name="Clock">Whether the cloud's clock follows the wall clock or stands still until advanced.</param>
/// <param name="Auth">Whether requests' SigV4 signatures are checked.</param>
/// <param name="StateFile">A snapshot file the cloud's state is loaded from at start (when it exists) and saved to at shutdown; null for none.</param>
/// <param name="RecordCalls">How many of the most recent calls <c>GET /_fakeaws/calls</c> keeps; 0 records none.</param>
/// <param name="ArrivalWindow">How long no invocation may arrive before the clock moves for work waiting on it (<see cref="FakeAwsOptions.ArrivalWindow"/>).</param>
internal sealed record ServerSettings(
    string Host, int Port, string Region, string AccountId, ServerClock Clock, ServerAuth Auth, string? StateFile, int RecordCalls,
    TimeSpan ArrivalWindow)
{
    /// <summary>
    /// The server's arrival window. Far longer than a cloud's in process (60 ms): clients in other threads or processes,
    /// such as boto3 threads released by one barrier, reached a loaded 2-core machine spread over 100–300 ms.
    /// </summary>
    public const int DefaultArrivalWindowMilliseconds = 1000;
}

/// <summary>How the server's clock moves.</summary>
internal enum ServerClock
{
    /// <summary>It follows the wall clock, so TTL, Wait states and token expiry happen as time passes; admin advances add to it.</summary>
    Wall,

    /// <summary>It stands still until <c>POST /_fakeaws/clock/advance</c> or <c>/_fakeaws/run-until-idle</c> moves it.</summary>
    Manual,
}

/// <summary>How the server treats request signatures.</summary>
internal enum ServerAuth
{
    /// <summary>Any signature is accepted; the credential scope only picks the service and region.</summary>
    Permissive,

    /// <summary>Signatures must verify against FakeAws's credentials.</summary>
    Strict,
}
