using System.Text.Json.Serialization;

namespace Workflow.Domain.Deidentification;

/// <summary>Kinds of identifier the de-identification stage finds and labels.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IdentifierKind>))]
public enum IdentifierKind
{
    Person,
    Location,
    Organization,
    Address,
    Postcode,
    Phone,
    Email,
    Url,
    NhsNumber,
    Date,
    Age,
    OtherId,
}

/// <summary>Labels used in pseudonyms, e.g. <c>[PERSON_3]</c>.</summary>
public static class IdentifierKindLabels
{
    /// <summary>The upper-case label used inside a pseudonym.</summary>
    public static string Label(this IdentifierKind kind) => kind switch
    {
        IdentifierKind.Person => "PERSON",
        IdentifierKind.Location => "LOCATION",
        IdentifierKind.Organization => "ORGANIZATION",
        IdentifierKind.Address => "ADDRESS",
        IdentifierKind.Postcode => "POSTCODE",
        IdentifierKind.Phone => "PHONE",
        IdentifierKind.Email => "EMAIL",
        IdentifierKind.Url => "URL",
        IdentifierKind.NhsNumber => "NHS_NUMBER",
        IdentifierKind.Date => "DATE",
        IdentifierKind.Age => "AGE",
        IdentifierKind.OtherId => "ID",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
