using System.Text.Json.Serialization;

namespace Workflow.Domain.Deidentification;

/// <summary>The part of an utterance a finding's offsets refer to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingField>))]
public enum FindingField
{
    Text,
    Speaker,
}
