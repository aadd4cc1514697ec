using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Azure.Language;

/// <summary>How the service's PII categories map to the project's identifier kinds.</summary>
internal static class PiiCategories
{
    public static IdentifierKind? KindOf(string category) => category switch
    {
        // "Name" is the conversation call's word for a person.
        "Person" or "Name" => IdentifierKind.Person,
        "Organization" => IdentifierKind.Organization,
        "Address" => IdentifierKind.Address,
        "PhoneNumber" => IdentifierKind.Phone,
        "Email" => IdentifierKind.Email,
        "URL" => IdentifierKind.Url,
        "Age" => IdentifierKind.Age,
        "DateTime" => IdentifierKind.Date,
        "UKNationalHealthNumber" => IdentifierKind.NhsNumber,
        // Job titles and roles ("the keyworker") are not identifiers under the study's policy.
        "PersonType" => null,
        _ => IdentifierKind.OtherId,
    };
}
