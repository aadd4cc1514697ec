using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Storage.Configuration;

namespace Workflow.Storage;

/// <summary>Registers the workflow's storage from the <c>Storage</c> configuration section.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WorkflowStorageOptions.From(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WorkflowStores(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
