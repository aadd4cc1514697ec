using System.Text.Json.Serialization;

namespace Workflow.Domain.Verification;

/// <summary>Pending items can be claimed; a claim is a lease that lapses, so abandoned work returns to the queue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationItemStatus>))]
public enum VerificationItemStatus
{
    Pending,
    Decided,
    Superseded,
}
