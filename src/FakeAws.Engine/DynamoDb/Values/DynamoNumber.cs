using System.Numerics;

namespace FakeAws.Engine.DynamoDb;

/// <summary>
/// A DynamoDB number: up to 38 significant decimal digits, magnitude 1E-130 to 9.99…E+125.
/// Kept as sign, significant digits and exponent, so comparisons and arithmetic are exact.
/// </summary>
/// <remarks>
/// DynamoDB normalises what it stores: <c>00042</c> → <c>42</c>, <c>1.0</c> → <c>1</c>,
/// <c>-0</c> → <c>0</c>, <c>1.5E2</c> → <c>150</c>. <see cref="ToString"/> gives that form.
/// </remarks>
internal readonly struct DynamoNumber : IComparable<DynamoNumber>, IEquatable<DynamoNumber>
{
    private const int MaxDigits = 38;
    private const int MinExponent = -130; // of the leading digit
    private const int MaxExponent = 125;

    // value = (-1)^negative × 0.d1d2d3… × 10^(_pointPosition); _digits has no leading or trailing zeros.
    private readonly string _digits;
    private readonly int _pointPosition;
    private readonly bool _negative;

    private DynamoNumber(bool negative, string digits, int pointPosition)
    {
        _negative = negative && digits.Length > 0;
        _digits = digits;
        _pointPosition = digits.Length == 0 ? 0 : pointPosition;
    }

    /// <summary>Zero.</summary>
    public static DynamoNumber Zero => new(false, "", 0);

    /// <summary>True for zero.</summary>
    public bool IsZero => string.IsNullOrEmpty(_digits);

    /// <summary>Parses and checks a number as DynamoDB does, throwing AWS's errors.</summary>
    public static DynamoNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw DynamoDbErrors.Validation(error!);

    /// <summary>Parses and checks a number as the current request layer reads it; on failure gives AWS's message.</summary>
    public static bool TryParse(string text, out DynamoNumber number, out string? error) => TryParse(text, NumberReading.Current, out number, out error);

    /// <summary>Parses and checks a number as <paramref name="reading"/> reads it; on failure gives AWS's message.</summary>
    public static bool TryParse(string text, NumberReading reading, out DynamoNumber number, out string? error)
    {
        number = Zero;
        if (!TryParseDecimal(text, out var negative, out var digits, out var intDigits, out var exponent))
        {
            error = reading == NumberReading.BigDecimal && text.Length == 0 ? NotNumeric : $"{NotNumeric}: {text}";
            return false;
        }
        if (reading == NumberReading.Current)
        {
            // The exponent is read in full: whatever fits 64 bits is range-checked, zero included.
            if (exponent is not { } full)
            {
                error = $"{NotNumeric}: {text}";
                return false;
            }
            return TryCreate(negative, digits, intDigits, full, out number, out error);
        }
        return TryCreateAsBigDecimal(negative, digits, intDigits, exponent, text, out number, out error);
    }

    private const string NotNumeric = "The parameter cannot be converted to a numeric value";
    private const string TooManyDigits = "Attempting to store more than 38 significant digits in a Number";
    private const string Overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
    private const string Underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";

    // The current layer: significant digits first, then the power of ten of the leading digit (a zero's
    // from the digits as written), neither wrapping.
    private static bool TryCreate(bool negative, string digits, int intDigits, long exponent, out DynamoNumber number, out string? error)
    {
        number = Zero;
        // Clamped: anything this far out is out of range whatever the digits.
        var shifted = intDigits + Math.Clamp(exponent, -1_000_000_000L, 1_000_000_000L);
        var start = digits.AsSpan().IndexOfAnyExcept('0');
        if (start < 0)
        {
            error = RangeError(shifted - 1);
            return error is null;
        }
        var significant = digits[start..].TrimEnd('0');
        if (significant.Length > MaxDigits)
        {
            error = TooManyDigits;
            return false;
        }
        var power = shifted - start - 1;
        error = RangeError(power);
        if (error is not null)
        {
            return false;
        }
        number = new DynamoNumber(negative, significant, (int)(power + 1));
        return true;
    }

    private static string? RangeError(long power) => power > MaxExponent ? Overflow : power < MinExponent ? Underflow : null;

    // The older layer (BatchWriteItem, the transactions, Scan) and PartiQL parameters read a number as Java's
    // BigDecimal reads a string: the exponent and the resulting scale must fit 32 bits, and the magnitude is
    // checked on precision minus scale in 32-bit arithmetic, which wraps (1e2147483647 underflows).
    private static bool TryCreateAsBigDecimal(bool negative, string digits, int intDigits, long? exponent, string text,
        out DynamoNumber number, out string? error)
    {
        number = Zero;
        var fractionDigits = digits.Length - intDigits;
        if (exponent is not (>= int.MinValue and <= int.MaxValue) || fractionDigits - exponent.Value is < int.MinValue or > int.MaxValue)
        {
            error = $"{NotNumeric}: {text}";
            return false;
        }
        var start = digits.AsSpan().IndexOfAnyExcept('0');
        if (start < 0)
        {
            error = null;
            return true;
        }
        var significant = digits[start..].TrimEnd('0');
        if (significant.Length > MaxDigits)
        {
            error = TooManyDigits;
            return false;
        }
        var trailingZeros = digits.Length - start - significant.Length;
        var scale = unchecked((int)(fractionDigits - exponent.Value - trailingZeros));
        // One more than the leading digit's power of ten, as DynamoDB computes it: in 32 bits, wrapping.
        var leading = unchecked(significant.Length - scale);
        error = leading > MaxExponent + 1 ? Overflow : leading < MinExponent + 1 ? Underflow : null;
        if (error is not null)
        {
            return false;
        }
        number = new DynamoNumber(negative, significant, leading);
        return true;
    }

    // Accepts what Java's BigDecimal accepts: [+-] digits [. digits] [(e|E) [+-] digits]. The digits come back
    // as written (leading and trailing zeros kept); the exponent is null when it does not fit 64 bits.
    private static bool TryParseDecimal(string text, out bool negative, out string digits, out int intDigits, out long? exponent)
    {
        negative = false;
        digits = "";
        intDigits = 0;
        exponent = 0;
        var i = 0;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            builder.Append(text[i++]);
            intDigits++;
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                builder.Append(text[i++]);
            }
        }
        if (builder.Length == 0)
        {
            return false;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                expNegative = text[i] == '-';
                i++;
            }
            var expStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            if (i == expStart)
            {
                return false;
            }
            exponent = long.TryParse(text.AsSpan(expStart, i - expStart), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? expNegative ? -value : value
                : null;
        }
        if (i != text.Length)
        {
            return false;
        }
        digits = builder.ToString();
        return true;
    }

    /// <summary>The exact sum; fails with AWS's range errors.</summary>
    public static DynamoNumber operator +(DynamoNumber a, DynamoNumber b) => FromBigDecimal(Add(a.ToBig(), b.ToBig()));

    /// <summary>The exact difference; fails with AWS's range errors.</summary>
    public static DynamoNumber operator -(DynamoNumber a, DynamoNumber b) => FromBigDecimal(Add(a.ToBig(), b.Negate().ToBig()));

    private DynamoNumber Negate() => new(!_negative, _digits, _pointPosition);

    // A big decimal as unscaled × 10^scale.
    private (BigInteger Unscaled, int Scale) ToBig()
    {
        if (IsZero)
        {
            return (BigInteger.Zero, 0);
        }
        var unscaled = BigInteger.Parse(_digits, System.Globalization.CultureInfo.InvariantCulture);
        return (_negative ? -unscaled : unscaled, _pointPosition - _digits.Length);
    }

    private static (BigInteger, int) Add((BigInteger Unscaled, int Scale) a, (BigInteger Unscaled, int Scale) b)
    {
        var scale = Math.Min(a.Scale, b.Scale);
        var x = a.Unscaled * BigInteger.Pow(10, a.Scale - scale);
        var y = b.Unscaled * BigInteger.Pow(10, b.Scale - scale);
        return (x + y, scale);
    }

    private static DynamoNumber FromBigDecimal((BigInteger Unscaled, int Scale) value)
    {
        var negative = value.Unscaled.Sign < 0;
        var digits = BigInteger.Abs(value.Unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!TryCreate(negative, digits, digits.Length, value.Scale, out var number, out var error))
        {
            throw DynamoDbErrors.Validation(error!);
        }
        return number;
    }

    /// <summary>The canonical text DynamoDB returns: plain decimal notation, no needless zeros.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "0";
        }
        var sign = _negative ? "-" : "";
        if (_pointPosition <= 0)
        {
            return sign + "0." + new string('0', -_pointPosition) + _digits;
        }
        if (_pointPosition >= _digits.Length)
        {
            return sign + _digits + new string('0', _pointPosition - _digits.Length);
        }
        return sign + _digits[.._pointPosition] + "." + _digits[_pointPosition..];
    }

    /// <summary>Numeric order.</summary>
    public int CompareTo(DynamoNumber other)
    {
        var sign = Sign();
        var otherSign = other.Sign();
        if (sign != otherSign)
        {
            return sign.CompareTo(otherSign);
        }
        if (sign == 0)
        {
            return 0;
        }
        var magnitude = _pointPosition != other._pointPosition
            ? _pointPosition.CompareTo(other._pointPosition)
            : string.CompareOrdinal(_digits, other._digits);
        return sign * Math.Sign(magnitude);
    }

    private int Sign() => IsZero ? 0 : _negative ? -1 : 1;

    /// <inheritdoc />
    public bool Equals(DynamoNumber other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DynamoNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_negative, _digits ?? "", _pointPosition);

    /// <summary>
    /// The bytes a number counts toward an item's size: one, plus one per pair of significant digits with the
    /// pairs aligned on the decimal point (so 3.14159 is 03|14 15 90, five bytes, where 123456 is four), plus
    /// one for a minus sign. The parity suite measured this to the byte against AWS's 400 KB limit.
    /// </summary>
    public int StorageSize
    {
        get
        {
            if (IsZero)
            {
                return 1;
            }
            // Digit positions by power of ten: the leading digit's is _pointPosition - 1, the last's that less
            // (length - 1); a pair holds powers 2k+1 and 2k.
            var high = FloorHalf(_pointPosition - 1);
            var low = FloorHalf(_pointPosition - _digits.Length);
            return 1 + high - low + 1 + (_negative ? 1 : 0);
        }
    }

    private static int FloorHalf(int power) => (int)Math.Floor(power / 2.0);

    /// <summary>
    /// The bytes the number takes in DynamoDB's stored form, which the 1 MB page limit of Query and Scan
    /// counts: two digits a byte, a byte more when the digits pair up evenly, and one for a minus sign.
    /// </summary>
    public int EncodedSize
    {
        get
        {
            if (IsZero)
            {
                return 1;
            }
            var digits = _digits.Length;
            var exponent = _pointPosition - 1;
            return 1 + (digits + 1) / 2 + (digits % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (_negative ? 1 : 0);
        }
    }
}
