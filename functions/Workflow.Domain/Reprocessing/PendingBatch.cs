namespace Workflow.Domain.Reprocessing;

/// <summary>
/// A whole-study batch that could not start because another batch of the study was running (for
/// example the re-de-identification a new identifier-list version asks for). The running batch starts
/// it when it ends. One per study: a newer request (<see cref="Order"/>, the list version) replaces an
/// older one, which it covers, since each batch runs over the whole study with the newest list.
/// </summary>
public sealed record PendingBatch(string StudyId, string RequestId, ReprocessStage Stage, string RequestedBy, int Order, DateTimeOffset RequestedAt);
