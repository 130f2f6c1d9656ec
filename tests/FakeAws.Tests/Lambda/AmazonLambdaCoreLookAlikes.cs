using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

// Look-alikes of Amazon.Lambda.Core, which is not available here: the same names, namespaces and
// member shapes, so the tests prove FakeAws binds a user's real types by duck typing.
[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(FakeAws.Tests.Lambda.TestAssemblySerializer))]

#pragma warning disable IDE0130 // The namespace is the real package's, on purpose.
namespace Amazon.Lambda.Core
{
    public interface ILambdaContext
    {
        string AwsRequestId { get; }
        string FunctionName { get; }
        string FunctionVersion { get; }
        string InvokedFunctionArn { get; }
        ILambdaLogger Logger { get; }
        string LogGroupName { get; }
        string LogStreamName { get; }
        int MemoryLimitInMB { get; }
        TimeSpan RemainingTime { get; }
        IClientContext ClientContext { get; }
        ICognitoIdentity Identity { get; }
        string TraceId { get; }
    }

    public interface IClientContext
    {
        IDictionary<string, string> Environment { get; }
        IDictionary<string, string> Custom { get; }
    }

    public interface ICognitoIdentity
    {
        string IdentityId { get; }
    }

    public enum LogLevel
    {
        Trace,
        Debug,
        Information,
        Warning,
        Error,
        Critical,
    }

    public interface ILambdaLogger
    {
        void Log(string message);
        void LogLine(string message);
        void Log(LogLevel level, string message);
        void LogInformation(string message);
        void LogError(Exception exception, string message, params object[] args);
    }

    public interface ILambdaSerializer
    {
        T Deserialize<T>(Stream requestStream);
        void Serialize<T>(T response, Stream responseStream);
    }

    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method)]
    public sealed class LambdaSerializerAttribute(Type serializerType) : Attribute
    {
        public Type SerializerType { get; set; } = serializerType;
    }

    /// <summary>Amazon.Lambda.Core's SnapshotRestore, with its private queues and the runtime's internal copy methods.</summary>
    public static class SnapshotRestore
    {
        private static readonly ConcurrentQueue<Func<ValueTask>> BeforeSnapshotRegistry = new();
        private static readonly ConcurrentQueue<Func<ValueTask>> AfterRestoreRegistry = new();

        internal static void CopyBeforeSnapshotCallbacksToRegistry(Action<Func<ValueTask>> restoreHooksRegistryMethod)
        {
            while (BeforeSnapshotRegistry.TryDequeue(out var action))
            {
                restoreHooksRegistryMethod(action);
            }
        }

        internal static void CopyAfterRestoreCallbacksToRegistry(Action<Func<ValueTask>> restoreHooksRegistryMethod)
        {
            while (AfterRestoreRegistry.TryDequeue(out var action))
            {
                restoreHooksRegistryMethod(action);
            }
        }

        public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshotAction) => BeforeSnapshotRegistry.Enqueue(beforeSnapshotAction);

        public static void RegisterAfterRestore(Func<ValueTask> afterRestoreAction) => AfterRestoreRegistry.Enqueue(afterRestoreAction);
    }
}
#pragma warning restore IDE0130

namespace FakeAws.Tests.Lambda
{
    /// <summary>
    /// The test assembly's serializer, named by its assembly-level attribute: AWS's defaults, and a
    /// record of the types it handled, which proves FakeAws used it.
    /// </summary>
    public sealed class TestAssemblySerializer : Amazon.Lambda.Core.ILambdaSerializer
    {
        private static readonly JsonSerializerOptions Options = new()
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public static ConcurrentDictionary<Type, bool> Handled { get; } = new();

        public T Deserialize<T>(Stream requestStream)
        {
            Handled[typeof(T)] = true;
            return JsonSerializer.Deserialize<T>(requestStream, Options)!;
        }

        public void Serialize<T>(T response, Stream responseStream)
        {
            Handled[typeof(T)] = true;
            JsonSerializer.Serialize(responseStream, response, Options);
        }
    }

    /// <summary>A serializer a handler names with a method-level attribute: camel case, like AWS's CamelCaseLambdaJsonSerializer.</summary>
    public sealed class CamelCaseSerializer : Amazon.Lambda.Core.ILambdaSerializer
    {
        private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true };

        public T Deserialize<T>(Stream requestStream) => JsonSerializer.Deserialize<T>(requestStream, Options)!;

        public void Serialize<T>(T response, Stream responseStream) => JsonSerializer.Serialize(responseStream, response, Options);
    }
}
