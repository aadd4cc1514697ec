namespace Workflow.Composition;

/// <summary>
/// One engine an adapter offers for one stage: the port it implements, the key configuration names it
/// by, what it is (for error messages), and whether it sends material off the machine. Cloud engines
/// are only ever used for studies whose ethics approval allows it.
/// </summary>
public sealed record EngineDescriptor(EngineStage Stage, string Key, string Description, bool IsCloud);
