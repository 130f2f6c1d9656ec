using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using FakeAws;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires a test's service collection to a <see cref="FakeAwsCloud"/>.</summary>
public static class FakeAwsServiceCollectionExtensions
{
    /// <summary>Adds a <see cref="FakeAwsCloud"/> with default options; see <see cref="AddFakeAws(IServiceCollection, Action{FakeAwsOptions})"/>.</summary>
    public static IServiceCollection AddFakeAws(this IServiceCollection services) => services.AddFakeAws(_ => { });

    /// <summary>
    /// Adds a <see cref="FakeAwsCloud"/> and points every AWS client of the container at it:
    /// <list type="bullet">
    /// <item>each <c>AddAWSService&lt;T&gt;()</c> made before this call, keyed ones included, is rewritten to a client of the cloud;</item>
    /// <item><c>AWSOptions</c> is replaced, so <c>AddAWSService&lt;T&gt;()</c> calls made after this one build clients of the cloud too;</item>
    /// <item><c>IAmazonDynamoDB</c>, <see cref="TimeProvider"/> (the cloud's clock) and <see cref="FakeAwsCloud"/> are registered.</item>
    /// </list>
    /// The container disposes the cloud with itself.
    /// </summary>
    public static IServiceCollection AddFakeAws(this IServiceCollection services, Action<FakeAwsOptions> configure)
    {
        var options = new FakeAwsOptions();
        configure(options);
        // A FakeTimeProvider the test registered itself becomes the cloud's time source, so both agree.
        options.TimeProvider ??= services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider) && !d.IsKeyedService)?.ImplementationInstance as TimeProvider;

        services.AddSingleton(_ => new FakeAwsCloud(options));
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<FakeAwsCloud>().Clock));
        services.Replace(ServiceDescriptor.Singleton(sp => AwsOptionsFor(sp.GetRequiredService<FakeAwsCloud>())));
        RewriteClientRegistrations(services);
        services.TryAddSingleton<IAmazonDynamoDB>(sp => sp.GetRequiredService<FakeAwsCloud>().CreateClient<AmazonDynamoDBClient>());
        return services;
    }

    /// <summary>
    /// Registers a client of DAX cluster <paramref name="clusterName"/> as the app's <see cref="IAmazonDynamoDB"/>
    /// (where the app would register <c>ClusterDaxClient</c>), or as a keyed <see cref="IAmazonDynamoDB"/> when
    /// <paramref name="serviceKey"/> is given. The cluster is created with <paramref name="options"/> when the
    /// client is first resolved, unless the cloud already has it. Call it after <see cref="AddFakeAws(IServiceCollection)"/>.
    /// </summary>
    public static IServiceCollection AddFakeAwsDax(this IServiceCollection services, string clusterName, DaxClusterOptions? options = null, object? serviceKey = null)
    {
        IAmazonDynamoDB Create(IServiceProvider provider)
        {
            var cloud = provider.GetFakeAws();
            cloud.Dax.EnsureCluster(clusterName, options);
            return cloud.Dax.CreateClient(clusterName);
        }
        if (serviceKey is null)
        {
            services.Replace(ServiceDescriptor.Singleton<IAmazonDynamoDB>(Create));
        }
        else
        {
            services.AddKeyedSingleton<IAmazonDynamoDB>(serviceKey, (provider, _) => Create(provider));
        }
        return services;
    }

    /// <summary>The cloud registered by <see cref="AddFakeAws(IServiceCollection)"/>.</summary>
    /// <exception cref="InvalidOperationException">The container has no cloud; the message says how to add one.</exception>
    public static FakeAwsCloud GetFakeAws(this IServiceProvider services) =>
        services.GetService<FakeAwsCloud>() ?? throw new InvalidOperationException(
            "This service provider has no FakeAwsCloud. Call services.AddFakeAws() in the test's setup, before BuildServiceProvider(), " +
            "and resolve GetFakeAws() from that provider.");

    private static AWSOptions AwsOptionsFor(FakeAwsCloud cloud)
    {
        var options = new AWSOptions
        {
            Credentials = cloud.Credentials,
            Region = RegionEndpoint.GetBySystemName(cloud.Options.Region),
        };
        options.DefaultClientConfig.ServiceURL = cloud.ServiceUrl;
        options.DefaultClientConfig.AuthenticationRegion = cloud.Options.Region;
        options.DefaultClientConfig.MaxErrorRetry = 0;
        options.DefaultClientConfig.DisableHostPrefixInjection = true;
        return options;
    }

    private static void RewriteClientRegistrations(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (!typeof(IAmazonService).IsAssignableFrom(descriptor.ServiceType) || ClientTypeFor(descriptor.ServiceType) is not { } clientType)
            {
                continue;
            }
            services[i] = descriptor.IsKeyedService
                ? new ServiceDescriptor(descriptor.ServiceType, descriptor.ServiceKey,
                    (sp, _) => sp.GetRequiredService<FakeAwsCloud>().CreateClient(clientType), descriptor.Lifetime)
                : new ServiceDescriptor(descriptor.ServiceType,
                    sp => sp.GetRequiredService<FakeAwsCloud>().CreateClient(clientType), descriptor.Lifetime);
        }
    }

    /// <summary>The SDK client class behind a client interface, found as the SDK's own ClientFactory finds it.</summary>
    private static Type? ClientTypeFor(Type serviceType)
    {
        if (!serviceType.IsInterface)
        {
            return typeof(AmazonServiceClient).IsAssignableFrom(serviceType) ? serviceType : null;
        }
        var name = $"{serviceType.Namespace}.{serviceType.Name[1..]}Client";
        return serviceType.Assembly.GetType(name);
    }
}
