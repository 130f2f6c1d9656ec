namespace FakeAws.Engine.StepFunctions.Asl;

/// <summary>One entry of a state's Retry field.</summary>
internal sealed class Retrier
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    /// <summary>Seconds before the first retry; 1 unless given.</summary>
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>How many retries; 3 unless given, 0 for none.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The factor the interval grows by each retry; 2.0 unless given.</summary>
    public double BackoffRate { get; init; } = 2.0;

    /// <summary>The longest interval, if capped.</summary>
    public double? MaxDelaySeconds { get; init; }

    /// <summary><c>FULL</c> draws the interval at random between 0 and its computed value; <c>NONE</c> does not.</summary>
    public string JitterStrategy { get; init; } = "NONE";

    /// <summary>The wait before retry number <paramref name="attempt"/> (counting from 0), jitter not applied.</summary>
    public double DelayBefore(int attempt)
    {
        var delay = IntervalSeconds * Math.Pow(BackoffRate, attempt);
        return MaxDelaySeconds is { } max ? Math.Min(delay, max) : delay;
    }
}

/// <summary>One entry of a state's Catch field.</summary>
internal sealed class Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    /// <summary>Where the error output goes in the state's input; the whole output unless given.</summary>
    public OptionalPath ResultPath { get; init; } = OptionalPath.Default;

    /// <summary>Variables the catcher sets, evaluated against the error output.</summary>
    public PayloadTemplate? Assign { get; init; }

    /// <summary>JSONata: the output after the error is caught; the error output when absent.</summary>
    public JsonataTemplate? Output { get; init; }

    /// <summary>JSONata: the variables the catcher sets, with <c>$states.errorOutput</c>.</summary>
    public JsonataTemplate? JsonataAssign { get; init; }
}
