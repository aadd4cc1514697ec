using System.IO.Compression;
using System.Net;
using System.Text;
using Workflow.Engines.Local.Tests.Import;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Hostile.Expected;

namespace Workflow.Integration.Tests.Hostile;

/// <summary>
/// Generates the hostile uploads in code (nothing large is committed): broken and disguised audio
/// made from a real clip, archive and XML bombs, text in the wrong encodings or far too large, and
/// path traversal, control characters, NUL, bidi overrides and invalid UTF-8 in the file name and in
/// every metadata field. Each case says exactly what must happen to it.
/// </summary>
internal static class HostileCorpus
{
    /// <summary>Control characters, NUL, a right-to-left override, an escape sequence and a path, in one value.</summary>
    public const string HostileText = "..\u0000/../x\u0001\u202Egnp.exe\u001B[31m\r\nX";

    private static readonly byte[] InvalidUtf8 = [0x50, 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80];

    /// <summary>The real clips the audio cases are cut from (made by espeak-ng, sox and ffmpeg).</summary>
    public sealed record Clips(byte[] Wav, byte[] Mp3, byte[] Ogg);

    public static IReadOnlyList<HostileUpload> Uploads(Clips clips, long maxUploadBytes)
    {
        var cases = new List<HostileUpload>
        {
            Upload("zero-byte audio", "empty.wav", () => [], new Refused(HttpStatusCode.BadRequest, "The file is empty.")),
            Upload("zero-byte transcript", "empty.txt", () => [], new Refused(HttpStatusCode.BadRequest, "The file is empty.")),
            Upload("oversize (limit + 1 byte)", "long.wav", () => new byte[maxUploadBytes + 1], new Refused(HttpStatusCode.RequestEntityTooLarge, "larger than the limit")),
            Upload("truncated WAV", "cut.wav", () => clips.Wav[..(clips.Wav.Length / 2)], new FailsAt("Ingesting", "truncated")),
            Upload("truncated MP3", "cut.mp3", () => clips.Mp3[..(clips.Mp3.Length / 3)], new FailsAt("Ingesting", "truncated")),
            Upload("truncated OGG", "cut.ogg", () => clips.Ogg[..(clips.Ogg.Length / 3)], new FailsAt("Ingesting", "truncated")),
            Upload("WAV with a corrupt header", "header.wav", () => CorruptHeader(clips.Wav), new FailsAt("Ingesting", "not decodable audio")),
            Upload("text named .wav", "notes.wav", () => Transcript("text named wav"), new FailsAt("Ingesting", "not decodable audio"), "SECRET-text named wav"),
            Upload("audio named .txt", "clip.txt", () => clips.Wav, new FailsAt("Ingesting", "audio")),
            Upload("DOCX zip bomb (300 MB of XML)", "bomb.docx", () => DocxBomb(300), new FailsAt("Ingesting", "zip bomb")),
            Upload("DOCX with 100,000 entries", "many.docx", () => DocxEntries(100_000), new FailsAt("Ingesting", "100,000 parts")),
            Upload("DOCX billion laughs", "laughs.docx", BillionLaughs, new FailsAt("Ingesting", "DTD")),
            Upload("DOCX external entity", "xxe.docx", () => RawDocx.WithBody(RawDocx.Paragraph("Interviewer: &x;"), "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>").ToArray(), new FailsAt("Ingesting", "DTD")),
            Upload("DOCX nested 10,000 deep", "deep.docx", () => DeepDocx(10_000), new FailsAt("Ingesting", "levels deep")),
            Upload("invalid UTF-8 text", "latin1.txt", () => [.. Transcript("invalid utf8"), .. InvalidUtf8], new FailsAt("Ingesting", "not valid UTF-8"), "SECRET-invalid utf8"),
            Upload("UTF-16 text without BOM", "utf16.txt", () => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(Transcript("utf16"))), new FailsAt("Ingesting", "UTF-16 text without a byte order mark"), "SECRET-utf16"),
            Upload("BOM only", "bom.txt", () => Encoding.UTF8.GetPreamble(), new FailsAt("Ingesting", "No speaker turns")),
            Upload("50 MB on one line", "line.txt", () => OneLine(50L * 1024 * 1024), new FailsAt("Ingesting", "Line 2 is longer than 1,000,000 characters"), "SECRET-line"),
            Upload("3.8 million one-word turns (19 MB)", "turns.txt", () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("A: b\n", 3_800_000))), new FailsAt("Ingesting", "more than 100,000 speaker turns")),
            Upload("file name ../../x.txt", "../../x.txt", () => Transcript("traversal"), new Processed()),
            Upload("file name ..\\..\\x.txt", "..\\..\\x.txt", () => Transcript("backslash traversal"), new Processed()),
            Upload("file name with control chars, NUL and RTL override", "a\u0001b\u0000c\u202Etxt.exe.txt", () => Transcript("control name"), new Processed()),
            Upload("file name of 300 bytes", new string('n', 296) + ".txt", () => Transcript("long name"), new Refused(HttpStatusCode.BadRequest, "longer than 255 bytes")),
            Upload("file name '..'", "..", () => Transcript("dots"), new Refused(HttpStatusCode.UnsupportedMediaType, "files are not accepted")),
            Raw("file name in invalid UTF-8", [.. InvalidUtf8, .. ".txt"u8], Transcript("invalid name"), Fields(), new Processed()),
        };

        // Every metadata field with the same hostile value: the checked ones refuse it, the free-text
        // ones (kept only with the raw upload, URI-escaped) accept it.
        var refusedBecause = new Dictionary<string, string>
        {
            ["siteId"] = "siteId must be 1-64 letters, digits",
            ["format"] = "format must be interview or focus-group",
            ["participants"] = "participant 1 must look like",
            ["recordedOn"] = "recordedOn must be a date",
            ["consentRecording"] = "consentRecording must be true or false",
            ["consentTranscription"] = "consentTranscription must be true or false",
            ["consentQuotation"] = "consentQuotation must be true or false",
            ["consentArchiving"] = "consentArchiving must be true or false",
            ["language"] = "language must be a language tag",
        };
        foreach (var (field, reason) in refusedBecause)
            cases.Add(Raw($"{field} with control chars, NUL, RTL, path", Encoding.UTF8.GetBytes("a.txt"), Transcript("field " + field),
                Fields((field, Encoding.UTF8.GetBytes(HostileText))), new Refused(HttpStatusCode.BadRequest, reason)));
        foreach (var field in new[] { "interviewer", "notes" })
            cases.Add(Raw($"{field} with control chars, NUL, RTL, path", Encoding.UTF8.GetBytes("a.txt"), Transcript("field " + field),
                Fields((field, Encoding.UTF8.GetBytes(HostileText))), new Processed()));
        cases.Add(Raw("interviewer in invalid UTF-8", Encoding.UTF8.GetBytes("a.txt"), Transcript("invalid interviewer"),
            Fields(("interviewer", InvalidUtf8)), new Refused(HttpStatusCode.BadRequest, "not valid UTF-8")));
        cases.Add(Raw("interviewer and notes at their length limit, all multi-byte", Encoding.UTF8.GetBytes("a.txt"), Transcript("long free text"),
            Fields(("interviewer", Encoding.UTF8.GetBytes(new string('\u00FC', 2000))), ("notes", Encoding.UTF8.GetBytes(new string('\u4E2D', 2000)))),
            new Refused(HttpStatusCode.BadRequest, "too long to store")));
        return cases;
    }

    /// <summary>Requests to the JSON routes; <paramref name="studyId"/> is a study of its own, so a codebook or list that got in would harm nothing else.</summary>
    public static IReadOnlyList<HostileJson> JsonBodies(string studyId, string itemId)
    {
        var routes = new (string Name, HttpMethod Method, string Route)[]
        {
            ("codebook", HttpMethod.Put, $"studies/{studyId}/codebook"),
            ("identifier list", HttpMethod.Put, $"studies/{studyId}/identifiers"),
            ("decision", HttpMethod.Post, $"queue/items/{itemId}/decision"),
            ("reprocess", HttpMethod.Post, $"studies/{studyId}/reprocess"),
        };
        // Under the 4 MB limit but far beyond any study.
        var big = new List<HostileJson>
        {
            new("identifier list: 3.9 MB, 60,000 entries", HttpMethod.Put, routes[1].Route, () => HugeJson(3_900_000), new Refused(HttpStatusCode.BadRequest, "At most 5000 identifiers")),
            new("codebook: 3.9 MB, 20,000 codes", HttpMethod.Put, routes[0].Route, () => HugeCodebook(20_000), new Refused(HttpStatusCode.BadRequest, "a codebook may hold at most 2000")),
        };
        var cases = new List<HostileJson>();
        foreach (var (name, method, route) in routes)
        {
            cases.Add(new HostileJson($"{name}: JSON nested 10,000 deep", method, route, () => DeepJson(10_000), new Refused(HttpStatusCode.BadRequest, "nested more than")));
            cases.Add(new HostileJson($"{name}: 5 MB JSON body", method, route, () => HugeJson(5 * 1024 * 1024), new Refused(HttpStatusCode.RequestEntityTooLarge, "larger than 4 MB")));
        }
        return [.. cases, .. big];
    }

    /// <summary>A valid transcript, different for every case (the same bytes twice would be a duplicate upload).</summary>
    public static byte[] Transcript(string marker) => Encoding.UTF8.GetBytes(
        $"Interviewer: How did you first hear about the user group? SECRET-{marker}\nParticipant: A worker at the clinic told me about it in the spring, and I went along.\n");

    public static List<(string, byte[])> Fields(params (string Name, byte[] Value)[] overrides)
    {
        var fields = ApiClient.InterviewFields().Select(f => (f.Key, Encoding.UTF8.GetBytes(f.Value))).ToList();
        fields.AddRange([("consentQuotation", "true"u8.ToArray()), ("consentArchiving", "false"u8.ToArray()), ("language", "en-GB"u8.ToArray())]);
        foreach (var (name, value) in overrides)
        {
            fields.RemoveAll(f => f.Item1 == name);
            fields.Add((name, value));
        }
        return fields;
    }

    private static HostileUpload Upload(string name, string fileName, Func<byte[]> file, Expected expected, string? secret = null) =>
        new(name, Encoding.UTF8.GetBytes(fileName), file, Fields(), expected, secret);

    private static HostileUpload Raw(string name, byte[] fileName, byte[] file, List<(string, byte[])> fields, Expected expected) =>
        new(name, fileName, () => file, fields, expected);

    private static byte[] CorruptHeader(byte[] wav)
    {
        var copy = wav.ToArray();
        new Random(11).NextBytes(copy.AsSpan(8, 36)); // "WAVE", the fmt chunk and the data chunk header
        return copy;
    }

    private static byte[] OneLine(long bytes)
    {
        var prefix = Encoding.UTF8.GetBytes("Interviewer: hello\nParticipant: SECRET-line ");
        var file = new byte[prefix.Length + bytes];
        prefix.CopyTo(file, 0);
        file.AsSpan(prefix.Length).Fill((byte)'a');
        return file;
    }

    private static byte[] DocxBomb(int megabytes)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><w:document xmlns:w=\"{RawDocx.WordNamespace}\"><w:body>"));
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)' ');
            for (var i = 0; i < megabytes; i++) part.Write(chunk);
        }
        return stream.ToArray();
    }

    private static byte[] DocxEntries(int count)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < count; i++) zip.CreateEntry(i.ToString("x"), CompressionLevel.NoCompression);
        return stream.ToArray();
    }

    private static byte[] BillionLaughs()
    {
        var entities = "<!ENTITY l0 \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        return RawDocx.WithBody(RawDocx.Paragraph("Interviewer: &l9;"), $"<!DOCTYPE w:document [{entities}]>").ToArray();
    }

    private static byte[] DeepDocx(int depth) => RawDocx.WithBody(
        "<w:p>" + string.Concat(Enumerable.Repeat("<w:r>", depth)) + "<w:t>Interviewer: hello</w:t>" + string.Concat(Enumerable.Repeat("</w:r>", depth)) + "</w:p>").ToArray();

    private static string DeepJson(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string HugeCodebook(int codes)
    {
        var entries = Enumerable.Range(0, codes).Select(i => i % 100 == 0
            ? $"{{\"id\":\"t{i}\",\"level\":1,\"name\":\"Theme {i}\",\"definition\":\"d\"}}"
            : $"{{\"id\":\"c{i}\",\"parent\":\"t{i - i % 100}\",\"level\":2,\"name\":\"Code {i}\",\"definition\":\"A code about topic {i}\",\"keywords\":[\"word{i}\",\"other{i}\"]}}");
        return $"{{\"name\":\"huge\",\"codes\":[{string.Join(',', entries)}]}}";
    }

    private static string HugeJson(int bytes)
    {
        var entry = "{\"text\":\"Somebody Somewhere\",\"kind\":\"Person\",\"aliases\":[]},";
        var json = new StringBuilder("{\"identifiers\":[", bytes + entry.Length * 2);
        while (json.Length < bytes) json.Append(entry);
        json.Length--;
        return json.Append("]}").ToString();
    }
}
