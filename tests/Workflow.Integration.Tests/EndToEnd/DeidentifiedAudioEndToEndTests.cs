using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// The de-identified audio through the local runner: PocketSphinx's word times place the redactions,
/// ffmpeg tones them out, the copy is served to the study team in ranges, and a transcript upload has none.
/// </summary>
public class DeidentifiedAudioEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    /// <summary>100 ms windows that hold a pure tone at <paramref name="frequency"/>: its level is most of the window's energy, which speech never is.</summary>
    private static int TonedWindows(short[] samples, double frequency)
    {
        var toned = 0;
        for (var from = 0; from + 1600 <= samples.Length; from += 1600)
        {
            var window = samples.AsSpan(from, 1600);
            double sumSquares = 0, s1 = 0, s2 = 0;
            var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 16_000);
            foreach (var v in window)
            {
                sumSquares += (double)v * v;
                var s = v + coefficient * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            var rms = Math.Sqrt(sumSquares / window.Length);
            var level = Math.Sqrt(Math.Max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / window.Length;
            // A pure sine of amplitude A: level A/2, RMS A/sqrt(2), so the ratio is about 0.71.
            if (rms > 100 && level / rms > 0.5) toned++;
        }
        return toned;
    }

    [Fact]
    public async Task AnAudioRecording_GetsACopyWithItsRedactionsToned_ServedInRanges_ToTheStudyTeamOnly()
    {
        var study = Azurite.UniqueStudyId("audio");
        await Api.SetUpStudyAsync(study);
        // Ages in words: what the offline recogniser hears reliably and the rules redact (names it mostly does not know).
        var folder = Directory.CreateDirectory(fixture.Runner.WorkDirectory + "-toned").FullName;
        var script = Path.Combine(folder, "ages.txt");
        await File.WriteAllTextAsync(script, "I started using when I was fifteen years old.\nThe service helped me a lot.\nMy son is seven years old now and he lives with me.\n");
        var audioPath = await SampleAudio.MakeAsync(folder, script);
        var audioId = await Api.UploadOkAsync(study, audioPath, "P002:ServiceUser");
        var transcriptId = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        var (waiting, _) = await Api.WaitForStatusAsync(audioId, StageTimeout, "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());

        var key = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{audioId}/redaction-key"), HttpStatusCode.OK);
        Assert.True(key.GetProperty("redactions").GetArrayLength() > 0, "nothing was redacted in the sample audio's transcript, so this test would prove nothing");

        using var response = await Api.GetAsync($"recordings/{audioId}/audio");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "the copy must not be cached: it is replaced when the recording is de-identified again");
        Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("OggS"u8.ToArray(), bytes[..4]);
        var copy = Path.Combine(folder, "served.ogg");
        await File.WriteAllBytesAsync(copy, bytes);
        var heard = await SampleAudio.DecodeAsync(copy);
        Assert.InRange(heard.Length / 16_000d, waiting.GetProperty("durationSeconds").GetDouble() - 0.5, waiting.GetProperty("durationSeconds").GetDouble() + 0.5);
        Assert.True(TonedWindows(heard, 880) >= 2, "the copy holds no tone where the redactions were spoken");
        Assert.Equal(0, TonedWindows(await SampleAudio.DecodeAsync(audioPath), 880)); // the measure finds none in the speech itself

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"recordings/{audioId}/audio");
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var part = await fixture.Api.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync());

        await Api.AddMemberAsync(study, "coder-1", "Coder");
        var asCoder = await Api.SendJsonAsync(HttpMethod.Get, $"recordings/{audioId}/audio", "", user: "coder-1", roles: "Coder");
        Assert.Equal(HttpStatusCode.OK, asCoder.StatusCode);
        var outsider = await Api.SendJsonAsync(HttpMethod.Get, $"recordings/{audioId}/audio", "", user: "someone-else", roles: "Coder");
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode); // outside the study, its recordings are not known

        var none = await ApiClient.ProblemAsync(await Api.GetAsync($"recordings/{transcriptId}/audio"), HttpStatusCode.NotFound);
        Assert.Contains("uploaded as a transcript", none.GetProperty("detail").GetString());
    }
}
