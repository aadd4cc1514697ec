namespace Workflow.Orchestrations.Contracts;

/// <summary>Decided and total items of the recording's current verification pass.</summary>
public sealed record VerificationProgress(int Decided, int Total)
{
    public int Pending => Total - Decided;
}
