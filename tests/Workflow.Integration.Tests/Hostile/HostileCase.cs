using System.Net;

namespace Workflow.Integration.Tests.Hostile;

/// <summary>What a hostile input must lead to.</summary>
internal abstract record Expected
{
    /// <summary>Refused at the door: this status, as problem details whose detail contains <paramref name="Detail"/>.</summary>
    public sealed record Refused(HttpStatusCode Status, string Detail) : Expected;

    /// <summary>Accepted (202), then failed at <paramref name="Stage"/> with a reason containing <paramref name="Reason"/>.</summary>
    public sealed record FailsAt(string Stage, string Reason) : Expected;

    /// <summary>Accepted and processed like any good upload (the hostile part is harmless and kept only where it belongs).</summary>
    public sealed record Processed : Expected;
}

/// <summary>
/// One upload of the corpus: the file name as raw bytes, the file, the form fields (raw bytes, so
/// invalid UTF-8 can be sent), and what must happen. <paramref name="Secret"/> is text inside the
/// file that no reason may quote.
/// </summary>
internal sealed record HostileUpload(string Name, byte[] FileName, Func<byte[]> File, IReadOnlyList<(string Name, byte[] Value)> Fields, Expected Expected, string? Secret = null, string? ContentType = null);

/// <summary>One JSON request of the corpus: method, route (relative to /api/), body, and the refusal it must get.</summary>
internal sealed record HostileJson(string Name, HttpMethod Method, string Route, Func<string> Body, Expected.Refused Expected);
