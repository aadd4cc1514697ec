using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Workflow.Functions.Durable;

/// <summary>
/// The activity context the class-based activities expect, built from the Functions invocation
/// (the source generator that would write this is not available from our registry).
/// </summary>
internal sealed class FunctionsActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;

    public static FunctionsActivityContext From(FunctionContext function) =>
        new(function.FunctionDefinition.Name,
            function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "");
}
