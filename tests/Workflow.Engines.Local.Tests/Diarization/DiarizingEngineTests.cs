using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;
using Workflow.Engines.Local.Tests.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>A short synthesized two-voice interview, made once for the engine's diarization test.</summary>
public sealed class TwoVoiceInterviewFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string WavPath => _folder.File("interview.wav");

    public IReadOnlyList<SpeakerSegment> Reference { get; private set; } = [];

    public async Task InitializeAsync() =>
        Reference = await SyntheticConversation.SynthesizeAsync(
            ConversationScript.Interview(seed: 11, targetSeconds: 45), [SyntheticVoice.BritishMale, SyntheticVoice.AmericanFemale], WavPath, seed: 11);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}

public sealed class DiarizingEngineTests(TwoVoiceInterviewFixture interview, ITestOutputHelper output) : IClassFixture<TwoVoiceInterviewFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TranscribeAsync_TwoVoiceInterview_CountUnknown_GivesTwoSpeakersTakingTurns()
    {
        var engine = TestEngines.PocketSphinx(new PocketSphinxOptions(), _temp.Path);

        var transcript = await engine.TranscribeAsync(new LocalFileAudioSource("rec-2", interview.WavPath), new TranscriptionRequest("en-GB", ExpectedSpeakers: null), CancellationToken.None);

        var duration = interview.Reference[^1].EndSeconds + 0.5;
        PocketSphinxTranscriptionEngineTests.AssertWellFormed(transcript, duration);
        Assert.Equal(["Speaker 1", "Speaker 2"], transcript.Speakers);
        var error = DiarizationErrorRate.Compute(interview.Reference, transcript.Utterances.Select(u => new SpeakerSegment(u.StartSeconds!.Value, u.EndSeconds!.Value, u.Speaker)).ToList());
        var changes = transcript.Utterances.Zip(transcript.Utterances.Skip(1)).Count(p => p.First.Speaker != p.Second.Speaker);
        output.WriteLine($"{transcript.Utterances.Count} utterances, {changes} speaker changes ({interview.Reference.Count - 1} in the reference), DER {error.Rate:0.000}");
        Assert.InRange(changes, (interview.Reference.Count - 1) / 2, 2 * interview.Reference.Count);
        Assert.True(error.Rate < 0.3, $"DER {error.Rate:0.000}");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }
}
