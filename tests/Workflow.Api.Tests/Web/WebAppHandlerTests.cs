using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Endpoints;
using Workflow.Api.Handlers;
using Workflow.Api.Web;

namespace Workflow.Api.Tests.Web;

/// <summary>
/// The front end's files as both hosts serve them: only embedded names, the right content types, and
/// the security headers on every answer. Runs the real handler on a bare HTTP context.
/// </summary>
public class WebAppHandlerTests
{
    private static readonly Workflow.Storage.DroppedUploads DropZone =
        new(new Azure.Storage.Blobs.BlobContainerClient(new Uri("https://stidexample.blob.core.windows.net/uploads")));

    private static readonly WebAssets Assets = new();

    private static async Task<(HttpResponse Response, string Body)> GetAsync(string? path, string requestPath = "/api/app/x", string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = requestPath;
        if (ifNoneMatch is not null) context.Request.Headers.IfNoneMatch = ifNoneMatch;
        using var body = new MemoryStream();
        context.Response.Body = body;
        var routes = path is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["path"] = path };
        var result = await new WebAppHandler(Assets, DropZone).GetAsync(new ApiCall(context.Request, null, routes, null!, CancellationToken.None));
        await result.ExecuteAsync(context);
        return (context.Response, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public void ThePagesAndTheirScriptsAreEmbedded()
    {
        foreach (var page in new[] { "index.html", "upload.html", "dashboard.html", "coder.html", "lead.html", "app.css", "js/common.js", "js/coder.js", "js/upload.js", "js/dashboard.js", "js/lead.js", "js/home.js", "members.html", "js/members.js", "js/confirm.js", "js/lead-recordings.js", "js/withdrawal.js" })
            Assert.Contains(page, Assets.Paths);
        Assert.DoesNotContain(Assets.Paths, p => p.EndsWith(".cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8")]
    [InlineData("app.css", "text/css; charset=utf-8")]
    [InlineData("js/coder.js", "text/javascript; charset=utf-8")]
    public async Task AnEmbeddedFile_IsServedWithItsTypeAndTheSecurityHeaders(string path, string contentType)
    {
        var (response, body) = await GetAsync(path);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(contentType, response.ContentType);
        Assert.Equal(Encoding.UTF8.GetString(Assets.Find(path)!.Content), body);
        Assert.StartsWith("default-src 'self'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Contains("frame-ancestors 'none'", response.Headers.ContentSecurityPolicy.ToString());
        // Media only from this origin and from blobs the page made (the coder page's audio).
        Assert.Contains("media-src 'self' blob:;", response.Headers.ContentSecurityPolicy.ToString());
        // The upload page may write to the drop zone's blob endpoint (direct uploads), and nowhere else.
        Assert.Contains("connect-src 'self' https://stidexample.blob.core.windows.net;", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl.ToString());
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag.ToString()));
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/etc/passwd")]
    [InlineData("js/../../Workflow.Api.dll")]
    [InlineData("WebAssets.cs")]
    [InlineData("INDEX.HTML")]
    [InlineData("js/")]
    public async Task AnythingNotEmbeddedUnderExactlyThatName_Is404_StillWithTheHeaders(string path)
    {
        var (response, body) = await GetAsync(path);
        Assert.Equal(404, response.StatusCode);
        Assert.Contains("no such page", body);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.False(string.IsNullOrEmpty(response.Headers.ContentSecurityPolicy.ToString()));
    }

    [Fact]
    public async Task TheFolder_ServesItsIndex_AndTheBareAppPath_RedirectsToTheFolder()
    {
        var (index, body) = await GetAsync(path: null, requestPath: "/api/app/");
        Assert.Equal(200, index.StatusCode);
        Assert.Contains("<main id=\"main\"", body);
        var (bare, _) = await GetAsync(path: null, requestPath: "/api/app");
        Assert.Equal(302, bare.StatusCode);
        Assert.Equal(ApiRoutes.WebAppUrl, bare.Headers.Location.ToString());
    }

    [Fact]
    public async Task ARevalidationWithTheCurrentETag_Is304WithoutABody()
    {
        var (first, _) = await GetAsync("app.css");
        var (again, body) = await GetAsync("app.css", ifNoneMatch: first.Headers.ETag.ToString());
        Assert.Equal(304, again.StatusCode);
        Assert.Equal("", body);
    }

    [Fact]
    public void NoPageLoadsAnythingFromAnotherOrigin_OrRunsInlineScript()
    {
        foreach (var path in Assets.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var html = Encoding.UTF8.GetString(Assets.Find(path)!.Content);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain(" style=", html);
            Assert.DoesNotMatch(@"\son[a-z]+\s*=", html); // inline event handlers are inline script
        }
    }
}
