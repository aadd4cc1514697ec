namespace Workflow.Domain.Ports;

/// <summary>An engine cannot run here (a binary, model or key is missing). The message says what to install or configure.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
