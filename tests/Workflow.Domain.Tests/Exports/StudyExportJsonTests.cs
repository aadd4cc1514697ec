using System.Text;
using System.Text.Json;
using Workflow.Domain.Exports;
using Workflow.Domain.Serialization;

namespace Workflow.Domain.Tests.Exports;

public class StudyExportJsonTests
{
    [Fact]
    public async Task Json_IsTheTypedModel_InTheWorkflowsShape_AndReadsBack()
    {
        var data = ExportSamples.Study();
        using var output = new MemoryStream();

        await StudyExportJson.WriteAsync(data, output, CancellationToken.None);

        var json = Encoding.UTF8.GetString(output.ToArray());
        using var document = JsonDocument.Parse(json);
        Assert.Equal("study-x", document.RootElement.GetProperty("studyId").GetString());
        Assert.False(document.RootElement.GetProperty("recordings")[0].TryGetProperty("memoList", out _));
        var back = WorkflowJson.Deserialize<StudyExportData>(json);
        Assert.Equal(json, WorkflowJson.Serialize(back));
        Assert.Equal(ExportSamples.CafeLine, back.Recordings[0].Transcript.Utterances[0].Text);
    }
}
