using System.Text.Json;
using Workflow.Domain.Serialization;

namespace Workflow.Domain.Exports;

/// <summary>The JSON export: <see cref="StudyExportData"/> in the workflow's one JSON shape.</summary>
public static class StudyExportJson
{
    public static Task WriteAsync(StudyExportData data, Stream output, CancellationToken ct) =>
        JsonSerializer.SerializeAsync(output, data, WorkflowJson.Options, ct);
}
