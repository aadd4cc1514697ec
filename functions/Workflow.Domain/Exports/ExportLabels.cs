using Workflow.Domain.Recordings;

namespace Workflow.Domain.Exports;

/// <summary>How exports name formats and respondent groups for people reading them.</summary>
public static class ExportLabels
{
    public static string Format(RecordingFormat format) => format switch
    {
        RecordingFormat.FocusGroup => "Focus group",
        _ => "Individual interview",
    };

    public static string Role(RespondentRole role) => role switch
    {
        RespondentRole.ServiceUser => "Service user",
        _ => role.ToString(),
    };
}
