namespace Workflow.Orchestrations.Contracts;

/// <summary>External event raised when a coder decides an item of the recording.</summary>
public sealed record VerificationSignal(string ItemId)
{
    /// <summary>The event name orchestrations wait on.</summary>
    public const string EventName = "VerificationDecided";
}
