using Microsoft.AspNetCore.Http;
using Workflow.Api.Endpoints;
using Workflow.Api.Web;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Serves the browser front end (anonymous: the files hold no study data; every API call they make
/// is authorized as usual). Each answer carries a strict Content-Security-Policy, so only this
/// origin's own scripts and styles run: no CDN, no inline script, no framing.
/// </summary>
public sealed class WebAppHandler(WebAssets assets, DroppedUploads dropZone)
{
    /// <summary>
    /// Only the app's own files; forms post to the API of the same origin; no plugins, no framing.
    /// Scripts may connect to the API and to the identifiable account's blob endpoint, where the
    /// upload page writes large files with a grant's SAS (storage's CORS rule admits only PUT).
    /// </summary>
    public string ContentSecurityPolicy { get; } =
        // Media from blob: only: the coder page plays audio it fetched through the API (with its sign-in headers).
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; " +
        $"connect-src 'self' {dropZone.Container.Uri.GetLeftPart(UriPartial.Authority)}; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task<IResult> GetAsync(ApiCall call)
    {
        var response = call.Request.HttpContext.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";

        var path = call.RouteValues.GetValueOrDefault("path");
        // "/api/app" without the slash would resolve the pages' relative links against "/api/".
        if (string.IsNullOrEmpty(path) && !call.Request.Path.Value!.EndsWith('/'))
            return Task.FromResult<IResult>(TypedResults.Redirect(ApiRoutes.WebAppUrl));
        if (assets.Find(path) is not { } asset)
            return Task.FromResult(Problems.NotFound("There is no such page or file in the web app; start at " + ApiRoutes.WebAppUrl));

        // Revalidate every time: a deployment changes the files under the same names, and the ETag
        // makes an unchanged file a 304 without its body.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (call.Request.Headers.IfNoneMatch.Contains(asset.ETag))
            return Task.FromResult<IResult>(TypedResults.StatusCode(StatusCodes.Status304NotModified));
        return Task.FromResult<IResult>(TypedResults.Bytes(asset.Content, asset.ContentType));
    }
}
