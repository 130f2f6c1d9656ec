using FakeAws.Engine.Core;

namespace FakeAws;

/// <summary>Settings of a <see cref="FakeAwsCloud"/>.</summary>
public sealed class FakeAwsOptions
{
    /// <summary>The region clients are created in unless told otherwise. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account every resource belongs to. Default <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>
    /// Where the cloud reads the time. Usually a <c>FakeTimeProvider</c>, which FakeAws can then move
    /// with <c>aws.Clock.Advance</c>. When unset, the cloud has its own virtual clock that starts at
    /// the wall-clock time of its creation and stands still until advanced.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>DynamoDB's settings: table status delays, index propagation, TTL, stream readers, capacity enforcement, the wire path.</summary>
    public DynamoDbOptions DynamoDb { get; set; } = new();

    /// <summary>DAX's settings: how long control-plane clusters take to change status.</summary>
    public DaxOptions Dax { get; set; } = new();

    /// <summary>Lambda's settings: the account's concurrency quota and state transition timing.</summary>
    public LambdaOptions Lambda { get; set; } = new();

    /// <summary>
    /// Whether every request's SigV4 signature is checked against <see cref="FakeAwsCloud.Credentials"/>,
    /// with AWS's errors: MissingAuthenticationTokenException without an Authorization header,
    /// UnrecognizedClientException for another access key, InvalidSignatureException for another secret or
    /// a signing time more than 15 minutes from the cloud's clock. False by default: any signature, or
    /// none, is let in. The clock is the cloud's: SDKs sign with the machine's time, so a test that moves
    /// the clock more than 15 minutes makes their signatures expire, as a skewed clock would on AWS.
    /// DynamoDB clients take the wire path while this is on, so their requests are checked too.
    /// </summary>
    public bool VerifySignatures { get; set; }

    /// <summary>
    /// Whether the cloud records every call it answers in <see cref="FakeAwsCloud.Calls"/>. On by default:
    /// a record keeps references to the request and response and renders JSON only when read, and the log
    /// keeps the most recent <see cref="CallLogCapacity"/> calls. Turn it off (here, or later with <see cref="CallLog.Enabled"/>) for long runs that make millions of calls.
    /// </summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>
    /// How many calls <see cref="FakeAwsCloud.Calls"/> keeps: the most recent ones, with the count of older
    /// calls it let go in <see cref="CallLog.Dropped"/>. Default <see cref="CallLog.DefaultCapacity"/>
    /// (1,000): the bound keeps a long run's memory flat and recording cheap. A test that makes more calls
    /// and reads the early ones sets a larger number.
    /// </summary>
    public int CallLogCapacity { get; set; } = CallLog.DefaultCapacity;

    /// <summary>
    /// How long, in real time, no invocation may arrive from outside the cloud (a test's call, a wire
    /// request) before the clock moves for work that waits on it. Invocations sent together (Lambda
    /// invokes, API Gateway requests) therefore start at one virtual instant and overlap, so reserved
    /// concurrency throttles them the same way every run. Default 60 ms, enough for calls a test
    /// starts together from one thread. The trade-off: every call whose work waits on the clock takes
    /// this much real time more, and a caller that pauses longer than this between two calls it meant
    /// to overlap sends the second after the clock moved. FakeAws.Server's <c>--arrival-window</c> sets
    /// it (1 s there: clients in other threads or processes arrive spread out). Zero moves the clock
    /// at once. Real time only decides when the clock moves, never what it reads.
    /// </summary>
    public TimeSpan ArrivalWindow { get; set; } = Arrivals.DefaultQuietTime;

    /// <summary>Seeds every generated identifier and random choice, so runs repeat exactly. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>A copy of these options.</summary>
    public FakeAwsOptions Clone()
    {
        var copy = (FakeAwsOptions)MemberwiseClone();
        copy.DynamoDb = DynamoDb.Clone();
        copy.Lambda = Lambda.Clone();
        copy.Dax = Dax.Clone();
        return copy;
    }
}
