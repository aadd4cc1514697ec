using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Composition;
using Workflow.Domain.Audit;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Study set-up for leads: create a study, version its codebook, maintain its identifier list.</summary>
public sealed class StudyHandlers(StudyRepository studies, StudyMembers members, CodebookRepository codebooks, IdentifierListRepository identifierLists, EngineSelection engines, IAuditTrail audit, TimeProvider time, IdentifierListReprocessor reprocessor)
{
    private const int MaxIdentifiers = 5000;

    /// <summary>Names a CSV or REFI-QDA codebook (which carry no name) when neither ?name= nor an earlier version gives one.</summary>
    private const string DefaultCodebookName = "Imported codebook";

    public async Task<IResult> CreateStudyAsync(ApiCall call)
    {
        var ct = call.Cancellation;
        var (body, problem) = await RequestBodies.ReadJsonAsync<CreateStudyRequest>(call.Request, ct);
        if (problem is not null) return problem;

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(body!.Name)) errors.Add("name is required.");
        var id = string.IsNullOrWhiteSpace(body.Id) ? StudyIds.FromName(body.Name ?? "") : body.Id.Trim();
        if (!StudyIds.IsValid(id)) errors.Add("id must be 2-63 lower-case letters, digits or hyphens.");
        var sites = (body.Sites ?? []).Select((s, i) => (s, i)).ToList();
        foreach (var (site, i) in sites.Where(x => string.IsNullOrWhiteSpace(x.s?.Name)))
            errors.Add($"sites[{i}].name is required.");
        if (body.Engines is { } settings) errors.AddRange(engines.Check(settings));
        if (body.ParticipantIdPattern is { } pattern && ParticipantIds.CheckPattern(pattern) is { } badPattern) errors.Add(badPattern);
        var leads = (body.Leads ?? []).ToList();
        errors.AddRange(leads.Select(MembershipRules.CheckUserId).OfType<string>().Select(e => "leads: " + e));
        if (errors.Count > 0) return Problems.Validation(errors);
        if (leads.Count == 0) leads.Add(call.Caller.UserId);

        var siteList = sites.Select(x => new Site(
            string.IsNullOrWhiteSpace(x.s.Id) ? StudyIds.FromName(x.s.Name!) : x.s.Id.Trim(), x.s.Name!.Trim())).ToList();
        if (siteList.Any(s => !StudyIds.IsValid(s.Id)))
            return Problems.Validation(["site ids must be 2-63 lower-case letters, digits or hyphens."]);
        if (siteList.Select(s => s.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count() != siteList.Count)
            return Problems.Validation(["site ids must be unique."]);

        var study = new Study(id, body.Name!.Trim(), siteList, time.GetUtcNow()) { Engines = body.Engines, ParticipantIdPattern = body.ParticipantIdPattern };
        if (!await studies.TryCreateAsync(study, ct)) return Problems.Conflict($"A study with id '{id}' already exists.");
        await audit.AppendAsync(id, AuditEntries.For(call, AuditAction.StudyCreated, id, ("sites", siteList.Count)), ct);
        foreach (var lead in leads.Distinct(StringComparer.Ordinal))
        {
            await audit.AppendAsync(id, AuditEntries.For(call, AuditAction.MembershipChanged, lead!, ("roles", StudyRoles.Lead)), ct);
            await members.PutAsync(new StudyMember(id, lead!, [StudyRoles.Lead], call.Caller.UserId, time.GetUtcNow()), ct);
        }
        return TypedResults.Created($"/api/studies/{id}", study);
    }

    /// <summary>Sets which engines serve the study; a cloud engine only when the study allows cloud engines.</summary>
    public async Task<IResult> PutEnginesAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);
        var (settings, problem) = await RequestBodies.ReadJsonAsync<StudyEngineSettings>(call.Request, ct);
        if (problem is not null) return problem;
        var errors = engines.Check(settings!);
        if (errors.Count > 0) return Problems.Validation(errors, "engines");
        var updated = await studies.UpdateAsync(studyId, s => s with { Engines = settings }, ct);
        if (updated is not null)
            await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.StudyEnginesChanged, studyId, ("allowCloudEngines", settings!.AllowCloudEngines)), ct);
        return updated is null ? UnknownStudy(studyId) : TypedResults.Ok(new StudyEnginesResponse(studyId, updated.EngineSettings));
    }

    /// <summary>The engines this host offers per stage and its defaults.</summary>
    public Task<IResult> ListEnginesAsync(ApiCall call)
    {
        var offered = Enum.GetValues<EngineStage>().SelectMany(engines.Available).Select(EngineView.From).ToList();
        return Task.FromResult<IResult>(TypedResults.Ok(new EnginesResponse(offered, engines.Defaults)));
    }

    public async Task<IResult> PutCodebookAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);
        var (text, problem) = await RequestBodies.ReadTextAsync(call.Request, ct);
        if (problem is not null) return problem;

        var name = call.Request.Query["name"].ToString() is { Length: > 0 } given ? given
            : (await codebooks.GetCurrentAsync(studyId, ct))?.Name ?? DefaultCodebookName;
        var (draft, formatProblem) = CodebookMediaTypes.Parse(call.Request.ContentType, text!, name);
        if (formatProblem is not null) return formatProblem;
        var errors = CodebookValidator.Validate(draft!);
        if (errors.Count > 0) return Problems.Validation(errors, "codes");

        var codebook = await codebooks.AddVersionAsync(studyId, draft!, ct);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.CodebookChanged, studyId,
            ("version", codebook.Version), ("codes", codebook.ApplicableCodes.Count())), ct);
        return TypedResults.Ok(new CodebookVersionResponse(studyId, codebook.Version,
            codebook.Codes.Count(c => c.Level == 1), codebook.ApplicableCodes.Count()));
    }

    public async Task<IResult> GetCodebookAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);
        var format = call.Request.Query["format"].ToString();
        if (!CodebookMediaTypes.IsFormat(format))
            return Problems.BadRequest($"format '{format}' is not one of json, csv or qdc.");
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);
        if (codebook is null) return Problems.NotFound($"Study '{studyId}' has no codebook yet.");
        return CodebookMediaTypes.Download(codebook, format) ?? TypedResults.Ok(codebook);
    }

    /// <summary>Every version of the study's codebook, newest first, with what each added, removed or changed.</summary>
    public async Task<IResult> GetCodebookVersionsAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return UnknownStudy(studyId);
        var current = await codebooks.GetCurrentAsync(studyId, ct);
        if (current is null) return Problems.NotFound($"Study '{studyId}' has no codebook yet.");
        var versions = new List<Domain.Coding.Codebook> { current };
        for (var version = 1; version < current.Version; version++)
            if (await codebooks.GetAsync(studyId, version, ct) is { } earlier) versions.Add(earlier);
        return TypedResults.Ok(new CodebookVersionsResponse(studyId, current.Version, Domain.Coding.CodebookHistory.Summarize(versions)));
    }

    public async Task<IResult> PutIdentifiersAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is not { } study) return UnknownStudy(studyId);
        var (body, problem) = await RequestBodies.ReadJsonAsync<IdentifierListRequest>(call.Request, ct);
        if (problem is not null) return problem;

        var entries = body!.Identifiers ?? [];
        var errors = new List<string>();
        if (entries.Count > MaxIdentifiers) errors.Add($"At most {MaxIdentifiers} identifiers per study.");
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]?.Text)) errors.Add($"identifiers[{i}].text is required.");
            if (entries[i]?.Kind is null) errors.Add($"identifiers[{i}].kind is required ({string.Join(", ", Enum.GetNames<IdentifierKind>())}).");
            if (entries[i]?.Aliases?.Any(string.IsNullOrWhiteSpace) == true) errors.Add($"identifiers[{i}].aliases must not contain empty entries.");
        }
        if (errors.Count > 0) return Problems.Validation(errors, "identifiers");

        var identifiers = entries.Select(e => new StudyIdentifier(
            StudyIdentifier.StableIdFor(e.Kind!.Value, e.Text!), e.Text!.Trim(), e.Kind!.Value, (e.Aliases ?? []).Select(a => a.Trim()).ToList())).ToList();
        var list = await identifierLists.AddVersionAsync(studyId, identifiers, ct);
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.IdentifierListChanged, studyId,
            ("version", list.Version), ("count", list.Identifiers.Count)), ct);
        // The list itself is identifiable: the response confirms the version and count, never echoes names.
        var reprocess = await reprocessor.AfterChangeAsync(call, study, list.Version);
        return TypedResults.Ok(new IdentifierListVersionResponse(studyId, list.Version, list.Identifiers.Count, reprocess));
    }

    internal static IResult UnknownStudy(string studyId) => Problems.NotFound($"There is no study '{studyId}'.");
}
