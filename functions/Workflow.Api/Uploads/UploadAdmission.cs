using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Workflow.Api.Handlers;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;
using Workflow.Domain.Ports;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Uploads;

/// <summary>
/// Whether a file may enter a study, whichever way it comes (HTTP, a dropped blob, a granted SAS
/// upload): the study exists and has a codebook, the size is within the limit, the format, content
/// type and metadata pass <see cref="UploadCheck"/>, and no participant in it withdrew consent.
/// One place, so the three ways cannot drift apart.
/// </summary>
public sealed class UploadAdmission(
    StudyRepository studies,
    CodebookRepository codebooks,
    RecordingIntake intake,
    TranscriptImporterCatalog importers,
    IOptions<PipelineOptions> options)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>Why the study cannot take uploads at all (unknown, no codebook), or null.</summary>
    public async Task<UploadRefusal?> StudyRefusalAsync(string studyId, CancellationToken ct) => (await StudyAsync(studyId, ct)).Refusal;

    private async Task<(Study? Study, UploadRefusal? Refusal)> StudyAsync(string studyId, CancellationToken ct)
    {
        if (await studies.GetAsync(studyId, ct) is not { } study)
            return (null, new UploadRefusal(StatusCodes.Status404NotFound, [$"There is no study '{studyId}'."]));
        if (await codebooks.GetCurrentAsync(studyId, ct) is null)
            return (null, new UploadRefusal(StatusCodes.Status409Conflict,
                [$"Study '{studyId}' has no codebook yet: a lead must PUT /api/studies/{studyId}/codebook before recordings can be coded."]));
        return (study, null);
    }

    /// <summary>Checks a file of <paramref name="size"/> bytes; the accepted kind and metadata, or why not.</summary>
    public async Task<(AdmittedUpload? Admitted, UploadRefusal? Refusal)> AdmitAsync(
        string studyId, string fileName, string? contentType, long size, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var (study, studyRefusal) = await StudyAsync(studyId, ct);
        if (studyRefusal is not null) return (null, studyRefusal);
        if (size <= 0) return (null, new UploadRefusal(StatusCodes.Status400BadRequest, ["The file is empty."], "size"));
        if (size > MaxUploadBytes)
            return (null, new UploadRefusal(StatusCodes.Status413PayloadTooLarge, [$"The file is larger than the limit of {MaxUploadBytes} bytes."]));

        var checkedUpload = UploadCheck.Check(fileName, contentType, fields, study!, importers.SupportedExtensions, out var problem);
        if (checkedUpload is not { } accepted)
            return (null, new UploadRefusal(problem!.UnsupportedType ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest, problem.Errors));
        if (await intake.RefusalAsync(studyId, accepted.Metadata, ct) is { } withdrawn)
            return (null, new UploadRefusal(StatusCodes.Status409Conflict, [withdrawn]));
        return (new AdmittedUpload(accepted.Kind, accepted.Metadata), null);
    }
}

/// <summary>An upload that may enter the study: what kind of source it is and its parsed metadata.</summary>
public sealed record AdmittedUpload(SourceKind Kind, RecordingMetadata Metadata);

/// <summary>Why an upload may not enter, with the HTTP status an API caller gets for it.</summary>
public sealed record UploadRefusal(int Status, IReadOnlyList<string> Errors, string Field = "metadata")
{
    public string Message => string.Join(" ", Errors);

    /// <summary>The problem-details answer; metadata problems name the field they are about.</summary>
    public IResult ToResult() => Status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(Message),
        StatusCodes.Status409Conflict => Problems.Conflict(Message),
        StatusCodes.Status413PayloadTooLarge => Problems.TooLarge(Message),
        StatusCodes.Status415UnsupportedMediaType => Problems.UnsupportedMedia(Message),
        _ => Problems.Validation(Errors, Field),
    };
}
