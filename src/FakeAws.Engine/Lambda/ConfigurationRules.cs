using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FakeAws.Engine.Core;
using FakeAws.Engine.Lambda.Model;

namespace FakeAws.Engine.Lambda;

/// <summary>
/// The limits CreateFunction and UpdateFunctionConfiguration check beyond the model's own constraints,
/// with AWS's codes and messages.
/// </summary>
internal static class ConfigurationRules
{
    /// <summary>Environment variables the runtime sets itself; AWS refuses them.</summary>
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary>The managed runtimes SnapStart supports: Java 11+, Python 3.12+ and .NET 8+.</summary>
    private static readonly HashSet<string> SnapStartRuntimes = new(StringComparer.Ordinal)
    {
        "java11", "java17", "java21", "java25", "python3.12", "python3.13", "python3.14", "dotnet8", "dotnet10",
    };

    /// <summary>
    /// The runtimes a function can be created with: those AWS listed when refusing an unknown one
    /// (recorded in 2024) and those added since. The model's enum also holds runtimes AWS no longer
    /// lets a function be created with (python2.7, nodejs14.x, go1.x, ...); those are refused too.
    /// </summary>
    private static readonly string[] Runtimes =
    [
        "nodejs24.x", "nodejs22.x", "nodejs20.x", "nodejs18.x", "nodejs16.x",
        "python3.14", "python3.13", "python3.12", "python3.11", "python3.10", "python3.9", "python3.8",
        "java25", "java21", "java17", "java11", "java8.al2",
        "dotnet10", "dotnet8", "dotnet6",
        "ruby4.0", "ruby3.4", "ruby3.3", "ruby3.2",
        "provided.al2023", "provided.al2",
    ];

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Checks a function name: the model allows 140 characters for ARNs, a name itself has 64.</summary>
    public static void CheckName(string name)
    {
        if (name.Length > 64)
        {
            throw LambdaErrors.InvalidParameter(ViolationRenderer.Default.Message([new Violation("functionName", name, new Constraint.MaxLength(64))]));
        }
    }

    /// <summary>
    /// Lambda checks the runtime itself rather than by the model's enum, so an unknown one is an
    /// InvalidParameterValueException listing the runtimes it accepts.
    /// </summary>
    public static void CheckRuntime(string? runtime)
    {
        if (runtime is not null && !Runtimes.Contains(runtime, StringComparer.Ordinal))
        {
            throw LambdaErrors.InvalidParameter(
                $"Value {runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Runtimes)}] or be a valid ARN");
        }
    }

    public static void CheckMemory(int? memorySize)
    {
        // The model allows up to 32768 MB (for capacity providers); a standard function allows 10240.
        if (memorySize > LambdaLimits.MaxMemorySize)
        {
            throw LambdaErrors.InvalidParameter($"'memorySize' failed to satisfy constraint: Member must have value less than or equal to {LambdaLimits.MaxMemorySize}");
        }
    }

    public static void CheckTimeout(int? timeout)
    {
        if (timeout > LambdaLimits.MaxTimeout)
        {
            throw LambdaErrors.InvalidParameter($"'timeout' failed to satisfy constraint: Member must have value less than or equal to {LambdaLimits.MaxTimeout}");
        }
    }

    /// <summary>At most 4 KB of environment variables, measured as AWS measures them, and none of the reserved ones.</summary>
    public static void CheckEnvironment(IReadOnlyDictionary<string, string>? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return;
        }
        var reserved = variables.Keys.Where(ReservedVariables.Contains).ToList();
        if (reserved.Count > 0)
        {
            throw LambdaErrors.InvalidParameter(
                "Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. " +
                $"Reserved keys used in this request: {string.Join(",", reserved)}");
        }
        var measured = JsonSerializer.Serialize(variables, CompactJson);
        if (Encoding.UTF8.GetByteCount(measured) > LambdaLimits.EnvironmentVariablesBytes)
        {
            throw LambdaErrors.InvalidParameter(
                "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. " +
                $"String measured: {measured}");
        }
    }

    /// <summary>
    /// At most five layers, in the function's region, and no layer twice. FakeAws holds no layers, so
    /// whether a layer version exists is not checked.
    /// </summary>
    public static void CheckLayers(IReadOnlyList<string>? layers, string region)
    {
        if (layers is null)
        {
            return;
        }
        if (layers.Count > LambdaLimits.MaxLayers)
        {
            throw LambdaErrors.InvalidParameter($"Cannot reference more than {LambdaLimits.MaxLayers} layers.");
        }
        // A layer version ARN is arn:aws:lambda:region:account:layer:name:version (the model's pattern has
        // checked it); AWS's own layers (arn:aws:lambda:::awslayer:...) name no region.
        if (layers.Any(arn => arn.Split(':')[3] is { Length: > 0 } layerRegion && layerRegion != region))
        {
            throw LambdaErrors.InvalidParameter($"Layers are not in the same region as the function. Layers are expected to be in region {region}.");
        }
        for (var i = 1; i < layers.Count; i++)
        {
            var layer = LayerOf(layers[i]);
            if (layers.Take(i).FirstOrDefault(earlier => LayerOf(earlier) == layer) is { } first)
            {
                throw LambdaErrors.InvalidParameter(
                    $"Two different versions of the same layer are not allowed to be referenced in the same function. {first} and {layers[i]} are versions of the same layer.");
            }
        }
    }

    /// <summary>A layer version's ARN without its version.</summary>
    private static string LayerOf(string layerVersionArn) => layerVersionArn[..layerVersionArn.LastIndexOf(':')];

    public static void CheckSnapStart(SnapStart? snapStart, string? runtime)
    {
        if (snapStart?.ApplyOn == "PublishedVersions" && (runtime is null || !SnapStartRuntimes.Contains(runtime)))
        {
            throw LambdaErrors.InvalidParameter($"{runtime} is not supported for SnapStart enabled functions.");
        }
    }

    public static void CheckTags(IReadOnlyCollection<KeyValuePair<string, string>>? tags)
    {
        if (tags?.Count > LambdaLimits.MaxTags)
        {
            throw LambdaErrors.InvalidParameter("Number of tags exceeds resource tag limit.");
        }
    }

    /// <summary>Container images cannot run in process.</summary>
    public static void CheckPackageType(string? packageType)
    {
        if (packageType == "Image")
        {
            throw LambdaErrors.Unsupported("container image functions (PackageType Image)");
        }
    }
}
