using System.Text.Json.Serialization;

namespace Workflow.Domain.Results;

/// <summary>How a code on a verified segment came to be there.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CodeOrigin>))]
public enum CodeOrigin
{
    /// <summary>Proposed by an engine and accepted by a coder.</summary>
    Accepted,
    /// <summary>Chosen by a coder in place of an engine's proposal.</summary>
    Edited,
}

/// <summary>A verified code on a segment, with who decided it and the evidence the engine gave.</summary>
public sealed record AppliedCode(string CodeId, string CodeName, CodeOrigin Origin, string DecidedBy, string? Evidence);
