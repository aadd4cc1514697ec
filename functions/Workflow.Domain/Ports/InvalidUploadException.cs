namespace Workflow.Domain.Ports;

/// <summary>An upload is not what it claims to be (corrupt, truncated, not audio). The message is shown to the user.</summary>
public sealed class InvalidUploadException(string message) : Exception(message);
