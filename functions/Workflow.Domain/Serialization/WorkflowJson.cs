using System.Text.Json;

namespace Workflow.Domain.Serialization;

/// <summary>
/// The one JSON shape used for stored documents, HTTP bodies and exports: camelCase, enums as
/// strings (declared on each enum), nulls omitted. Stored documents are wire contracts: add fields,
/// never rename them.
/// </summary>
public static class WorkflowJson
{
    /// <summary>Shared, immutable serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes with the shared options.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes with the shared options; throws <see cref="JsonException"/> on null content.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");
}
