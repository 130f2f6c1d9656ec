namespace FakeAws.Engine.Core;

/// <summary>
/// Request ids that look like a service's own (for DynamoDB, 52 upper-case letters and digits) and
/// cost almost nothing: a random prefix drawn once from the cloud's seeded ids, then a counter.
/// </summary>
internal sealed class RequestIds(DeterministicIds ids, int length)
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int CounterDigits = 12;
    private readonly string _prefix = ids.NewString(length - CounterDigits, Digits);
    private long _counter;

    public string Next()
    {
        var value = Interlocked.Increment(ref _counter);
        return string.Create(_prefix.Length + CounterDigits, (_prefix, value), static (chars, state) =>
        {
            state._prefix.AsSpan().CopyTo(chars);
            var n = state.value;
            for (var i = chars.Length - 1; i >= state._prefix.Length; i--)
            {
                chars[i] = Digits[(int)(n % 36)];
                n /= 36;
            }
        });
    }
}
