using Workflow.Domain.Audit;

namespace Workflow.Api.Contracts;

/// <summary>Whether a study's audit chain verifies, and where it breaks if not.</summary>
public sealed record AuditChainView(bool Intact, long EventsChecked, long? BrokenAt, string? Problem, long HeadSequence, string HeadHash)
{
    public static AuditChainView From(AuditVerification v) =>
        new(v.Intact, v.EventsChecked, v.BrokenAt, v.Problem, v.LastGood.Sequence, v.LastGood.Hash);
}

/// <summary>Response of <c>GET /api/studies/{studyId}/audit</c>: one page of events and the whole chain's verdict.</summary>
public sealed record AuditPageResponse(string StudyId, IReadOnlyList<AuditEvent> Events, long From, string? Next, AuditChainView Chain);

/// <summary>Response of <c>GET /api/studies/{studyId}/audit/verify</c>.</summary>
public sealed record AuditVerifyResponse(string StudyId, AuditChainView Chain, long? AnchorSequence);
