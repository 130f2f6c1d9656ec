using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Checks a function name: the model allows 140 characters for ARNs, a name itself has 64.</summary>
    public static void CheckName(string name)
    {
        if (name.Length > 64)
        {
            throw LambdaErrors.InvalidParameter(
                $"1 validation error detected: Value '{name}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64");
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

    public static void CheckLayers(IReadOnlyCollection<string>? layers)
    {
        if (layers?.Count > LambdaLimits.MaxLayers)
        {
            throw LambdaErrors.InvalidParameter($"Cannot reference more than {LambdaLimits.MaxLayers} layers.");
        }
    }

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
