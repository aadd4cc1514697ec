using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>The stakeholder group a respondent speaks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RespondentRole>))]
public enum RespondentRole
{
    ServiceUser,
    Carer,
    Worker,
    Manager,
    Commissioner,
    Other,
}
