using Azure.Data.Tables;
using Workflow.Domain.Studies;
using Workflow.Storage.Tables;

namespace Workflow.Storage;

/// <summary>Studies, one row each in the de-identified account (names and sites only; no participant data).</summary>
public sealed class StudyRepository(TableClient studies)
{
    private const string Row = "study";

    /// <summary>Creates the study; false when its id is taken.</summary>
    public Task<bool> TryCreateAsync(Study study, CancellationToken ct) =>
        JsonRows.TryAddAsync(studies, JsonRows.Create(study.Id, Row, study), ct);

    public async Task<Study?> GetAsync(string studyId, CancellationToken ct) =>
        (await JsonRows.TryGetAsync<Study>(studies, studyId, Row, ct)).Value;
}
