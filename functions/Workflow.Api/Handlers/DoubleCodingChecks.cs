using Microsoft.AspNetCore.Http;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Checks that keep the two sides of a double-coded proposal independent.</summary>
internal static class DoubleCodingChecks
{
    /// <summary>
    /// A coder may not decide both sides of a double-coded proposal (the claim never offers it; this
    /// stops a decision posted straight to the item's address).
    /// </summary>
    public static async Task<IResult?> IndependenceProblemAsync(VerificationQueue queue, VerificationItem item, string coder, DateTimeOffset now, CancellationToken ct)
    {
        if (item.PairedWith is not { } otherSide) return null;
        var (other, _) = await queue.GetAsync(otherSide, ct);
        return other?.Decision?.DecidedBy == coder || (other?.Status == VerificationItemStatus.Pending && other.ClaimedBy == coder && other.LeaseExpiresAt > now)
            ? Problems.Conflict("You have coded the other side of this double-coded proposal; a second coder must judge it independently.")
            : null;
    }
}
