using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FakeAws.DynamoDb;
using FakeAws.Engine.Core;
using FakeAws.Sdk;
using FakeAws.Tests.Core;
using EngineModel = FakeAws.Engine.DynamoDb.Model;

namespace FakeAws.Tests.DynamoDb;

/// <summary>
/// The fast path's copies between the SDK's DynamoDB model and the engine's: nothing the SDK carries is
/// dropped unnoticed, ExpressionAttributeValues follows one rule everywhere, and a copy allocates only
/// what it creates.
/// </summary>
public class SdkMappingTests
{
    private const string SdkNamespace = "Amazon.DynamoDBv2.Model";
    private const string EngineNamespace = "FakeAws.Engine.DynamoDb.Model";

    [Test]
    public void EveryMemberOfTheSdkModel_IsCopiedOrIgnoredWithAReason()
    {
        var dropped = new SortedSet<string>();
        var unmatched = new HashSet<string>();
        foreach (var (from, to, sdkIsSource) in ShapesOfServedOperations())
        {
            var sdkType = sdkIsSource ? from : to;
            var copied = SdkModelMapper.Members(from, to).Select(pair => (sdkIsSource ? pair.Source : pair.Target).Name).ToHashSet();
            foreach (var property in sdkType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var accessor = sdkIsSource ? property.GetMethod : property.SetMethod;
                if (property.DeclaringType?.Namespace == SdkNamespace && accessor is { IsPublic: true } && !copied.Contains(property.Name)
                    && !IsPresenceFlag(property))
                {
                    unmatched.Add($"{sdkType.Name}.{property.Name}");
                }
            }
        }
        dropped.UnionWith(unmatched.Where(member => !DynamoDbSdkMapping.Ignored.ContainsKey(member)));

        Assert.Multiple(() =>
        {
            Assert.That(dropped, Is.Empty, "members of the SDK's model the fast path would drop (add them to the engine's model, or to DynamoDbSdkMapping.Ignored with a reason): " + string.Join(", ", dropped));
            Assert.That(DynamoDbSdkMapping.Ignored.Keys.Where(member => !unmatched.Contains(member)), Is.Empty, "ignored members that are copied after all");
            Assert.That(DynamoDbSdkMapping.Ignored.Values, Has.All.Not.Empty, "every ignored member says why");
        });
    }

    [Test]
    public void ExpressionAttributeValues_NameThePlaceholderInEveryShapeThatCarriesThem()
    {
        var shapes = ShapesOfServedOperations()
            .Where(shape => shape.SdkIsSource && shape.To.GetProperty(ExpressionAttributeValues.Member) is not null)
            .ToList();

        Assert.That(shapes.Select(shape => shape.From.Name), Is.SupersetOf(new[] { "PutItemRequest", "UpdateItemRequest", "QueryRequest", "ScanRequest", "Put" }));
        foreach (var (from, to, _) in shapes)
        {
            var request = Activator.CreateInstance(from)!;
            from.GetProperty(ExpressionAttributeValues.Member)!.SetValue(request, new Dictionary<string, AttributeValue> { [":v"] = new() });

            var error = Assert.Throws<AwsServiceException>(() => DynamoDbSdkMapping.Mapper.Map(request, to), from.Name);

            Assert.That(error!.Message, Does.EndWith("for key :v"), from.Name);
        }
    }

    [Test]
    public void ACopy_AllocatesOnlyWhatItCreates()
    {
        var key = new Dictionary<string, AttributeValue> { ["pk"] = new("a") };
        var names = new Dictionary<string, string> { ["#p"] = "pk" };
        var request = new GetItemRequest
        {
            TableName = "t", Key = key, ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
            ProjectionExpression = "#p", ExpressionAttributeNames = names,
        };
        var item = FakeAws.DynamoDb.SdkAttributeValues.ToEngine(key);
        var output = new EngineModel.GetItemOutput { Item = item };
        var toInput = DynamoDbSdkMapping.Mapper.Converter(typeof(GetItemRequest), typeof(EngineModel.GetItemInput));
        var toResponse = DynamoDbSdkMapping.Mapper.Converter(typeof(EngineModel.GetItemOutput), typeof(GetItemResponse));

        var copies = Allocations.PerCall(() => { toInput(request); toResponse(output); });
        var created = Allocations.PerCall(() =>
        {
            _ = new EngineModel.GetItemInput { Key = FakeAws.DynamoDb.SdkAttributeValues.ToEngine(key), ExpressionAttributeNames = new(names) };
            _ = new GetItemResponse { Item = FakeAws.DynamoDb.SdkAttributeValues.ToSdk(item) };
        });

        Assert.That(copies, Is.EqualTo(created), "bytes per call: the copies must not box, capture or look anything up");
    }

    // The SDK's IsItemSet (for Item), IsLimitSet (for Limit) and the like say whether their member is
    // set; the copy asks the SDK the same question for each member, so the flag travels with its member.
    private static bool IsPresenceFlag(PropertyInfo property) =>
        property.PropertyType == typeof(bool)
        && property.Name.StartsWith("Is", StringComparison.Ordinal) && property.Name.EndsWith("Set", StringComparison.Ordinal)
        && property.DeclaringType!.GetProperty(property.Name[2..^3]) is not null;


    // Every pair of model shapes the fast path copies for the operations it serves: requests to inputs,
    // outputs to responses, and the shapes nested in them.
    private static List<(Type From, Type To, bool SdkIsSource)> ShapesOfServedOperations()
    {
        using var cloud = new FakeAwsCloud();
        var sdk = typeof(AmazonDynamoDBClient).Assembly;
        var shapes = new List<(Type, Type, bool)>();
        var seen = new HashSet<(Type, Type)>();
        foreach (var operation in cloud.DynamoDbWire.Operations.All.Where(operation => operation.IsImplemented))
        {
            if (sdk.GetType($"{SdkNamespace}.{operation.Name}Request") is { } request && operation.Model.InputType is { } input)
            {
                Walk(request, input, sdkIsSource: true);
            }
            if (sdk.GetType($"{SdkNamespace}.{operation.Name}Response") is { } response && operation.Model.OutputType is { } output)
            {
                Walk(output, response, sdkIsSource: false);
            }
        }
        return shapes;

        void Walk(Type from, Type to, bool sdkIsSource)
        {
            if (!seen.Add((from, to)))
            {
                return;
            }
            shapes.Add((from, to, sdkIsSource));
            foreach (var (source, target) in SdkModelMapper.Members(from, to))
            {
                if (Shape(source.PropertyType) is { } nestedFrom && Shape(target.PropertyType) is { } nestedTo)
                {
                    Walk(nestedFrom, nestedTo, sdkIsSource);
                }
            }
        }
    }

    // The model shape a property holds, alone or in a list or map; null for anything else.
    private static Type? Shape(Type type)
    {
        while (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>)))
        {
            type = type.GetGenericArguments()[^1];
        }
        return type.IsClass && type.Namespace is SdkNamespace or EngineNamespace ? type : null;
    }
}
