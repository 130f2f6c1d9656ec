using System.Collections;
using System.Text;
using FakeAws.Engine.Lambda;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws;

/// <summary>
/// Every call a cloud answered, in the order they arrived (<see cref="FakeAwsCloud.Calls"/>): clients'
/// requests on every path, and calls services make to each other, marked with their caller. It keeps the
/// most recent <see cref="Capacity"/> calls; <see cref="Dropped"/> counts the older ones it let go.
/// Reading it gives a copy of the list as it is at that moment.
/// </summary>
public sealed class CallLog : IReadOnlyList<AwsCall>
{
    /// <summary>
    /// How many calls a cloud keeps unless <see cref="FakeAwsOptions.CallLogCapacity"/> says otherwise: 1,000.
    /// A call kept longer than the garbage collector's youngest generation lives is promoted with its
    /// request and response, which in a run of millions of calls costs more than the call itself; a log
    /// this short lets them die young (docs/PERFORMANCE.md measures it).
    /// </summary>
    public const int DefaultCapacity = 1_000;

    private volatile Ring _ring;
    private volatile bool _enabled;

    internal CallLog(bool enabled, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _enabled = enabled;
        _ring = new Ring(capacity);
    }

    /// <summary>Whether calls are recorded. On unless <see cref="FakeAwsOptions.RecordCalls"/> turned it off.</summary>
    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>How many calls the log keeps: the most recent ones (<see cref="FakeAwsOptions.CallLogCapacity"/>).</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>How many of the oldest calls the log let go, since it was made or cleared, because it keeps only <see cref="Capacity"/> of them.</summary>
    public long Dropped
    {
        get
        {
            var ring = _ring;
            return ring.First(Volatile.Read(ref ring.Next));
        }
    }

    /// <summary>How many calls are kept.</summary>
    public int Count
    {
        get
        {
            var ring = _ring;
            var next = Volatile.Read(ref ring.Next);
            return (int)(next - ring.First(next));
        }
    }

    /// <summary>The call at <paramref name="index"/>, in order of arrival, counted from the oldest call kept.</summary>
    public AwsCall this[int index]
    {
        get
        {
            var ring = _ring;
            var next = Volatile.Read(ref ring.Next);
            var first = ring.First(next);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, next - first);
            return ring.Read(first + index) ?? throw new ArgumentOutOfRangeException(nameof(index), "The call was dropped to make room for newer ones.");
        }
    }

    /// <summary>Forgets every recorded call and the count of those dropped.</summary>
    /// <remarks>A call that arrives while the log is cleared is either forgotten or kept, whole.</remarks>
    public void Clear() => _ring = new Ring(_ring.Capacity);

    /// <summary>The calls of one service, and of one of its operations when <paramref name="operation"/> is given.</summary>
    /// <param name="service">The signing name: <c>dynamodb</c>, <c>lambda</c>, <c>states</c>, ...</param>
    /// <param name="operation">The operation, as AWS names the action; null for all of them.</param>
    public IReadOnlyList<AwsCall> Of(string service, string? operation = null) =>
        Snapshot().Where(c => string.Equals(c.Service, service, StringComparison.OrdinalIgnoreCase) && (operation is null || c.Operation == operation)).ToList();

    /// <summary>The calls that failed, with their error codes.</summary>
    public IReadOnlyList<AwsCall> Failed => Snapshot().Where(c => c.ErrorCode is not null).ToList();

    /// <summary>
    /// The payloads a Lambda function was invoked with, in order, as text: by clients, Step Functions,
    /// API Gateway, Cognito triggers or event source mappings. The function is matched by name, whatever
    /// form (name, partial ARN, ARN, qualified) the caller used.
    /// </summary>
    /// <example><c>Assert.That(aws.Calls.LambdaPayloads("orders"), Is.EqualTo(new[] { "{\"id\":1}", "{\"id\":2}" }));</c></example>
    public IReadOnlyList<string> LambdaPayloads(string functionName)
    {
        var wanted = FunctionArns.Parse(functionName).Name;
        return Of("lambda", "Invoke")
            .Select(c => c.Input)
            .OfType<InvocationRequest>()
            .Where(i => i.FunctionName is { } name && FunctionArns.Parse(name).Name == wanted)
            .Select(i => i.Payload is { Length: > 0 } payload ? Encoding.UTF8.GetString(payload) : "")
            .ToList();
    }

    /// <summary>Adds a call as it arrives.</summary>
    internal void Add(AwsCall call) => _ring.Add(call);

    private List<AwsCall> Snapshot()
    {
        var ring = _ring;
        var next = Volatile.Read(ref ring.Next);
        var calls = new List<AwsCall>((int)(next - ring.First(next)));
        for (var sequence = ring.First(next); sequence < next; sequence++)
        {
            if (ring.Read(sequence) is { } call)
            {
                calls.Add(call);
            }
        }
        return calls;
    }

    /// <inheritdoc/>
    public IEnumerator<AwsCall> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The calls since the log was made or cleared, in a ring of <see cref="Capacity"/> slots: a call takes
    /// the next number without a lock and is stored in its slot, overwriting the call one lap older. The
    /// slots are allocated in chunks as the log fills, so an empty log costs next to nothing and none of
    /// its arrays is large enough for the large-object heap.
    /// </summary>
    private sealed class Ring(int capacity)
    {
        private const int ChunkSize = 1024;

        private readonly AwsCall?[]?[] _chunks = new AwsCall?[]?[(capacity + ChunkSize - 1) / ChunkSize];

        /// <summary>The number the next call takes: how many calls this ring was given.</summary>
        public long Next;

        public int Capacity { get; } = capacity;

        /// <summary>The number of the oldest call kept when <paramref name="next"/> calls were given.</summary>
        public long First(long next) => Math.Max(0, next - Capacity);

        public void Add(AwsCall call)
        {
            var sequence = Interlocked.Increment(ref Next) - 1;
            call.Sequence = sequence;
            var (chunk, offset) = Slot(sequence);
            Volatile.Write(ref chunk[offset], call);
        }

        /// <summary>The call numbered <paramref name="sequence"/>, waiting for it if its writer has taken the number but not yet stored it; null once it was overwritten.</summary>
        public AwsCall? Read(long sequence)
        {
            var (chunk, offset) = Slot(sequence);
            var spin = default(SpinWait);
            while (true)
            {
                var call = Volatile.Read(ref chunk[offset]);
                if (call is not null && call.Sequence >= sequence)
                {
                    return call.Sequence == sequence ? call : null;
                }
                spin.SpinOnce();
            }
        }

        private (AwsCall?[] Chunk, int Offset) Slot(long sequence)
        {
            var index = (int)(sequence % Capacity);
            var number = index / ChunkSize;
            var chunk = Volatile.Read(ref _chunks[number]);
            if (chunk is null)
            {
                var size = Math.Min(ChunkSize, Capacity - (number * ChunkSize));
                var fresh = new AwsCall?[size];
                chunk = Interlocked.CompareExchange(ref _chunks[number], fresh, null) ?? fresh;
            }
            return (chunk, index % ChunkSize);
        }
    }
}
