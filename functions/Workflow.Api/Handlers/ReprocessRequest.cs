using Workflow.Domain.Reprocessing;
using Workflow.Orchestrations.Contracts;

namespace Workflow.Api.Handlers;

/// <summary>
/// Body of <c>POST /api/studies/{studyId}/reprocess</c>. <see cref="Stage"/> is where the re-run
/// starts (every later stage runs too); it defaults to coding. <see cref="Operation"/> "Recode" is the
/// earlier spelling of stage coding. The same <see cref="RequestId"/> (or <c>Idempotency-Key</c>
/// header) twice starts one batch.
/// </summary>
public sealed record ReprocessRequest(
    ReprocessOperation? Operation = null,
    ReprocessStage? Stage = null,
    ReprocessScope? Scope = null,
    string? RequestId = null);
