using System.Globalization;
using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads read a study's audit trail and check that nobody has changed it.</summary>
public sealed partial class AuditHandlers(StudyRepository studies, IAuditTrail audit)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    /// <summary>Events from <c>?from=</c> (default 1), at most <c>?max=</c> (default 100, up to 1000), and whether the whole chain verifies.</summary>
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var errors = new List<string>();
        var from = Number(call.Request, "from", 1, 1, long.MaxValue, errors);
        var max = (int)Number(call.Request, "max", DefaultPageSize, 1, MaxPageSize, errors);
        if (errors.Count > 0) return Problems.Validation(errors, "query");

        var events = await audit.ReadAsync(studyId, from, max, ct);
        var chain = await audit.VerifyAsync(studyId, null, ct);
        // A full page may have more after it; a broken chain still pages on, so the events past the break can be read.
        var next = events.Count == max
            ? $"/{ApiRoutes.Prefix}/studies/{studyId}/audit?from={events[^1].Sequence + 1}&max={max}"
            : null;
        call.Request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AuditPageResponse(studyId, events, from, next, AuditChainView.From(chain)));
    }

    /// <summary>
    /// Walks the whole chain. <c>?sequence=N&amp;hash=H</c> (a head written down earlier, e.g. from a
    /// previous verification) also checks that the chain still passes through it, which catches a
    /// chain rebuilt from an edited event onwards.
    /// </summary>
    public async Task<IResult> VerifyAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var errors = new List<string>();
        AuditHead? anchor = null;
        var hash = call.Request.Query["hash"].ToString();
        var hasSequence = call.Request.Query.ContainsKey("sequence");
        if (hasSequence || hash.Length > 0)
        {
            var sequence = Number(call.Request, "sequence", 0, 1, long.MaxValue, errors);
            if (!hasSequence) errors.Add("sequence is required with hash.");
            if (!Sha256Hex().IsMatch(hash)) errors.Add("hash must be 64 lower-case hex digits (a head's hash from an earlier verification).");
            anchor = new AuditHead(sequence, hash);
        }
        if (errors.Count > 0) return Problems.Validation(errors, "query");

        var chain = await audit.VerifyAsync(studyId, anchor, ct);
        return TypedResults.Ok(new AuditVerifyResponse(studyId, AuditChainView.From(chain), anchor?.Sequence));
    }

    private static long Number(HttpRequest request, string name, long fallback, long min, long max, List<string> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add($"{name} must be a whole number from {min}{(max == long.MaxValue ? " up" : $" to {max}")}.");
        return fallback;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial System.Text.RegularExpressions.Regex Sha256Hex();
}
