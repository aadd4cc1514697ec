using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Workflow.Api.Web;

/// <summary>
/// The browser front end, read once from this assembly's embedded resources (<c>web/...</c>). A request
/// names an asset by its exact path; anything else is unknown. There is no file-system lookup at all,
/// so <c>..</c>, encoded slashes or absolute paths cannot reach a file that was not embedded.
/// </summary>
public sealed class WebAssets
{
    private const string ResourcePrefix = "web/";
    public const string IndexPath = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, WebAsset> _assets;

    public WebAssets() : this(typeof(WebAssets).Assembly)
    {
    }

    internal WebAssets(Assembly assembly)
    {
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var path = name[ResourcePrefix.Length..];
            // Only types the front end uses are served; a stray file in Web/ stays unreachable.
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            assets[path] = new WebAsset(path, bytes, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}\"");
        }
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The asset paths, e.g. <c>index.html</c>, <c>js/coder.js</c>.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>
    /// The asset a request path names: empty means the index, a folder path (ending in '/') its
    /// <c>index.html</c>. Null for anything not embedded under exactly that name.
    /// </summary>
    public WebAsset? Find(string? requestPath)
    {
        var path = string.IsNullOrEmpty(requestPath) ? IndexPath : requestPath.EndsWith('/') ? requestPath + IndexPath : requestPath;
        return _assets.GetValueOrDefault(path);
    }
}

/// <summary>One embedded file of the front end with its content type and a strong validator.</summary>
public sealed record WebAsset(string Path, byte[] Content, string ContentType, string ETag);
