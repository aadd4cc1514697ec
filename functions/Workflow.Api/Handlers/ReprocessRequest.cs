using Workflow.Orchestrations.Contracts;

namespace Workflow.Api.Handlers;

/// <summary>Body of <c>POST /api/studies/{studyId}/reprocess</c>; the operation defaults to re-coding.</summary>
public sealed record ReprocessRequest(ReprocessOperation? Operation);
