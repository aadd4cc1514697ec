using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Transcription;
using Workflow.Engines.Local.Tests.Transcription;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>One synthesized recording of the evaluation set, its reference turns and the recogniser's utterances (diarization off).</summary>
/// <param name="HeldOut">Made after the diarizer's choices were settled on the other files, so it was never looked at while choosing.</param>
public sealed record CorpusRecording(string Name, int Voices, bool HeldOut, string WavPath, IReadOnlyList<SpeakerSegment> Reference, IReadOnlyList<Utterance> Recognised);

/// <summary>
/// The multi-voice evaluation set, synthesized and recognised once per test class: three two-voice
/// interviews, focus groups of four and six voices (moderator included), and two one-voice recordings
/// that must stay one speaker; then a held-out interview, five-voice focus group and monologue with
/// other seeds and voice pairings. About 14 minutes of audio in all; nothing is committed.
/// </summary>
public sealed class MultiVoiceCorpus : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public IReadOnlyList<CorpusRecording> Recordings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var v = (SyntheticVoice.BritishMale, SyntheticVoice.AmericanFemale, SyntheticVoice.ScottishMale, SyntheticVoice.BritishFemale,
                 SyntheticVoice.AmericanMale, SyntheticVoice.CaribbeanFemale, SyntheticVoice.ReceivedMale);
        var plans = new (string Name, IReadOnlyList<SyntheticVoice> Voices, IReadOnlyList<ScriptedTurn> Turns, bool HeldOut)[]
        {
            ("interview-gb-m-us-f", [v.Item1, v.Item2], ConversationScript.Interview(seed: 1, targetSeconds: 80), false),
            ("interview-scot-m-gb-f", [v.Item3, v.Item4], ConversationScript.Interview(seed: 2, targetSeconds: 90), false),
            ("interview-us-m-rp-m", [v.Item5, v.Item7], ConversationScript.Interview(seed: 3, targetSeconds: 80), false),
            ("focus-group-4", [v.Item1, v.Item2, v.Item3, v.Item4], ConversationScript.FocusGroup(seed: 4, participants: 3, targetSeconds: 150), false),
            ("focus-group-6", [v.Item1, v.Item2, v.Item3, v.Item4, v.Item5, v.Item6], ConversationScript.FocusGroup(seed: 5, participants: 5, targetSeconds: 180), false),
            ("monologue-us-f", [v.Item2], ConversationScript.Monologue(seed: 6, targetSeconds: 45), false),
            ("monologue-scot-m", [v.Item3], ConversationScript.Monologue(seed: 7, targetSeconds: 45), false),
            ("held-out-interview-029-f-rp-m", [v.Item7, v.Item6], ConversationScript.Interview(seed: 21, targetSeconds: 70), true),
            ("held-out-focus-group-5", [v.Item7, v.Item5, v.Item6, v.Item4, v.Item3], ConversationScript.FocusGroup(seed: 22, participants: 4, targetSeconds: 150), true),
            ("held-out-monologue-gb-m", [v.Item1], ConversationScript.Monologue(seed: 23, targetSeconds: 60), true),
        };

        var synthesized = new List<(string Name, int Voices, bool HeldOut, string Path, IReadOnlyList<SpeakerSegment> Reference)>();
        foreach (var (plan, seed) in plans.Select((p, i) => (p, i + 1)))
        {
            var path = _folder.File(plan.Name + ".wav");
            var reference = await SyntheticConversation.SynthesizeAsync(plan.Turns, plan.Voices, path, seed);
            synthesized.Add((plan.Name, plan.Voices.Count, plan.HeldOut, path, reference));
        }

        // Two recognisers at a time: the machine has two cores.
        using var slots = new SemaphoreSlim(2);
        Recordings = await Task.WhenAll(synthesized.Select(async s =>
        {
            await slots.WaitAsync();
            try
            {
                return new CorpusRecording(s.Name, s.Voices, s.HeldOut, s.Path, s.Reference, await RecogniseAsync(s.Name, s.Path));
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>
    /// The recogniser's utterances. With DIARIZATION_EVAL_CACHE set to a folder they are kept there
    /// under a hash of the audio, so re-running the measurement while working on diarization skips
    /// recognition (PocketSphinx gives the same words for the same bytes); unset, it always recognises.
    /// </summary>
    private async Task<IReadOnlyList<Utterance>> RecogniseAsync(string name, string path)
    {
        var cacheFolder = Environment.GetEnvironmentVariable("DIARIZATION_EVAL_CACHE");
        string? cached = null;
        if (!string.IsNullOrEmpty(cacheFolder))
        {
            Directory.CreateDirectory(cacheFolder);
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(path)))[..16];
            cached = Path.Combine(cacheFolder, $"{name}-{hash}.json");
            if (File.Exists(cached)) return JsonSerializer.Deserialize<List<Utterance>>(await File.ReadAllTextAsync(cached))!;
        }
        var transcript = await Recogniser().TranscribeAsync(new LocalFileAudioSource(name, path), TranscriptionRequest.ForLanguage("en"), CancellationToken.None);
        if (cached is not null) await File.WriteAllTextAsync(cached, JsonSerializer.Serialize(transcript.Utterances));
        return transcript.Utterances;
    }

    private PocketSphinxTranscriptionEngine Recogniser() => TestEngines.PocketSphinx(new PocketSphinxOptions { Diarization = false, MaxParallelism = 1 }, _folder.Path);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
