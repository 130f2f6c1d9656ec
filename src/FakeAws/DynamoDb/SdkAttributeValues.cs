using System.Reflection;
using FakeAws.Engine.Core;
using FakeAws.Engine.DynamoDb;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace FakeAws.DynamoDb;

/// <summary>
/// Converts between the SDK's attribute values and the engine's. Reading an SDK value applies the
/// checks DynamoDB makes on the wire, in the same order, so the fast path fails exactly as the wire does.
/// </summary>
internal static class SdkAttributeValues
{
    // The SDK decides which members of a value it sends with its internal IsSetX methods; using the
    // same methods makes the fast path see exactly what the marshaller would have sent.
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetB = IsSet("B");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetBool = IsSet("BOOL");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetBS = IsSet("BS");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetL = IsSet("L");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetM = IsSet("M");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetN = IsSet("N");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetNS = IsSet("NS");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetNull = IsSet("NULL");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetS = IsSet("S");
    private static readonly Func<SdkModel.AttributeValue, bool> IsSetSS = IsSet("SS");

    private static Func<SdkModel.AttributeValue, bool> IsSet(string member) =>
        typeof(SdkModel.AttributeValue).GetMethod($"IsSet{member}", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance)!
            .CreateDelegate<Func<SdkModel.AttributeValue, bool>>();

    public static AttributeValue ToEngine(SdkModel.AttributeValue value)
    {
        AttributeValue? result = null;
        var types = 0;
        // The members in the order the SDK's marshaller writes them.
        if (IsSetB(value)) { result = AttributeValue.FromB(value.B.ToArray()); types++; }
        if (IsSetBool(value)) { result = AttributeValue.FromBool(value.BOOL!.Value); types++; }
        if (IsSetBS(value)) { result = AttributeValue.DecodeBS(value.BS.Select(b => b.ToArray()).ToList()); types++; }
        if (IsSetL(value)) { result = AttributeValue.FromL(value.L.Select(ToEngine).ToList()); types++; }
        if (IsSetM(value)) { result = AttributeValue.FromM(ToEngine(value.M)); types++; }
        if (IsSetN(value)) { result = AttributeValue.DecodeN(value.N); types++; }
        if (IsSetNS(value)) { result = AttributeValue.DecodeNS(value.NS.ToList()); types++; }
        if (IsSetNull(value))
        {
            result = value.NULL!.Value
                ? AttributeValue.Null
                : throw DynamoDbErrors.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
            types++;
        }
        if (IsSetS(value)) { result = AttributeValue.FromS(value.S); types++; }
        if (IsSetSS(value)) { result = AttributeValue.DecodeSS(value.SS.ToList()); types++; }
        return types switch
        {
            0 => throw DynamoDbErrors.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
            1 => result!,
            _ => throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"),
        };
    }

    public static Dictionary<string, AttributeValue> ToEngine(Dictionary<string, SdkModel.AttributeValue> item)
    {
        var result = new Dictionary<string, AttributeValue>(item.Count);
        foreach (var (name, value) in item)
        {
            result[name] = ToEngine(value);
        }
        return result;
    }

    /// <summary>
    /// ExpressionAttributeValues: as <see cref="ToEngine(Dictionary{string, SdkModel.AttributeValue})"/>, but a
    /// value DynamoDB rejects is reported with its placeholder, as DynamoDB reports it.
    /// </summary>
    public static Dictionary<string, AttributeValue> ToEngineExpressionValues(Dictionary<string, SdkModel.AttributeValue> values)
    {
        var result = new Dictionary<string, AttributeValue>(values.Count);
        foreach (var (name, value) in values)
        {
            try
            {
                result[name] = ToEngine(value);
            }
            catch (AwsServiceException error) when (error.Code == "ValidationException")
            {
                throw DynamoDbErrors.InvalidExpressionValue(error, name);
            }
        }
        return result;
    }

    public static SdkModel.AttributeValue ToSdk(AttributeValue value) => value.Type switch
    {
        AttributeType.S => new SdkModel.AttributeValue { S = value.S },
        AttributeType.N => new SdkModel.AttributeValue { N = value.N },
        AttributeType.B => new SdkModel.AttributeValue { B = new MemoryStream(value.B, writable: false) },
        AttributeType.BOOL => new SdkModel.AttributeValue { BOOL = value.Bool },
        AttributeType.NULL => new SdkModel.AttributeValue { NULL = true },
        AttributeType.SS => new SdkModel.AttributeValue { SS = [.. value.Strings] },
        AttributeType.NS => new SdkModel.AttributeValue { NS = [.. value.Strings] },
        AttributeType.BS => new SdkModel.AttributeValue { BS = value.Binaries.Select(b => new MemoryStream(b, writable: false)).ToList() },
        AttributeType.L => new SdkModel.AttributeValue { L = value.L.Select(ToSdk).ToList() },
        AttributeType.M => new SdkModel.AttributeValue { M = ToSdk(value.M) },
        _ => throw new InvalidOperationException($"Unknown attribute type {value.Type}"),
    };

    // The SDK's unmarshaller fills a map it read from a response into its internal AlwaysSendDictionary,
    // and the Document model tells "present" from "absent" by that type (TransactGetItems' Item is
    // one such check); the fast path builds the same type so the SDK sees what the wire would give it.
    private static readonly Func<Dictionary<string, SdkModel.AttributeValue>> NewResponseMap = ResponseMapFactory();

    private static Func<Dictionary<string, SdkModel.AttributeValue>> ResponseMapFactory()
    {
        var type = typeof(Amazon.Runtime.AmazonServiceClient).Assembly.GetType("Amazon.Runtime.Internal.Util.AlwaysSendDictionary`2")
            ?.MakeGenericType(typeof(string), typeof(SdkModel.AttributeValue));
        if (type?.GetConstructor(Type.EmptyTypes) is not { } constructor || !type.IsAssignableTo(typeof(Dictionary<string, SdkModel.AttributeValue>)))
        {
            return static () => [];
        }
        return System.Linq.Expressions.Expression.Lambda<Func<Dictionary<string, SdkModel.AttributeValue>>>(
            System.Linq.Expressions.Expression.New(constructor)).Compile();
    }

    public static Dictionary<string, SdkModel.AttributeValue> ToSdk(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var result = NewResponseMap();
        result.EnsureCapacity(item.Count);
        foreach (var (name, value) in item)
        {
            result[name] = ToSdk(value);
        }
        return result;
    }
}
