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

    /// <summary>Parses and checks a number; on failure gives AWS's message.</summary>
    public static bool TryParse(string text, out DynamoNumber number, out string? error)
    {
        number = Zero;
        if (text.Length == 0)
        {
            error = "The parameter cannot be converted to a numeric value";
            return false;
        }
        if (!TryParseDecimal(text, out var negative, out var digits, out var pointPosition))
        {
            error = $"The parameter cannot be converted to a numeric value: {text}";
            return false;
        }
        return TryCreate(negative, digits, pointPosition, out number, out error);
    }

    private static bool TryCreate(bool negative, string digits, int pointPosition, out DynamoNumber number, out string? error)
    {
        number = Zero;
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
            pointPosition--;
        }
        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }
        var significant = digits[start..end];
        if (significant.Length == 0)
        {
            error = null;
            return true;
        }
        if (significant.Length > MaxDigits)
        {
            error = "Attempting to store more than 38 significant digits in a Number";
            return false;
        }
        // The leading digit's power of ten is pointPosition - 1.
        if (pointPosition - 1 > MaxExponent)
        {
            error = "Number overflow. Attempting to store a number with magnitude larger than supported range";
            return false;
        }
        if (pointPosition - 1 < MinExponent)
        {
            error = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
            return false;
        }
        number = new DynamoNumber(negative, significant, pointPosition);
        error = null;
        return true;
    }

    // Accepts what Java's BigDecimal accepts: [+-] digits [. digits] [(e|E) [+-] digits].
    private static bool TryParseDecimal(string text, out bool negative, out string digits, out int pointPosition)
    {
        negative = false;
        digits = "";
        pointPosition = 0;
        var i = 0;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        var builder = new System.Text.StringBuilder(text.Length);
        var intDigits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            builder.Append(text[i++]);
            intDigits++;
        }
        var fractionDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                builder.Append(text[i++]);
                fractionDigits++;
            }
        }
        if (intDigits + fractionDigits == 0)
        {
            return false;
        }
        long exponent = 0;
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
                exponent = Math.Min(exponent * 10 + (text[i++] - '0'), 1_000_000);
            }
            if (i == expStart)
            {
                return false;
            }
            exponent = expNegative ? -exponent : exponent;
        }
        if (i != text.Length)
        {
            return false;
        }
        digits = builder.ToString();
        pointPosition = (int)(intDigits + exponent);
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
        if (!TryCreate(negative, digits, digits.Length + value.Scale, out var number, out var error))
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

    /// <summary>An approximate size in bytes as DynamoDB bills numbers: one byte per two significant digits, plus one.</summary>
    public int StorageSize => IsZero ? 1 : (_digits.Length + 1) / 2 + 1;

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
