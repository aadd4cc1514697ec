using Workflow.Domain.Ports;
using Workflow.Engines.Azure.Speech;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Azure.Tests.Speech;

public class BatchTranscriptMapperTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromSeconds(1.5);

    private static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Speech", "Recorded", name));

    [Fact]
    public void Speakers_AreNumberedInOrderOfFirstAppearance_AndATurnJoinsCloseAdjacentPhrasesOfOneSpeaker()
    {
        var transcript = BatchTranscriptMapper.Map(Recorded("focus-group-three-speakers.json"), "rec-0001", "azure-speech-batch", Gap);

        // The service's speakers 3, 1, 2 become Speaker 1, 2, 3 as they first speak.
        Assert.Equal(["Speaker 1", "Speaker 2", "Speaker 3", "Speaker 2"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal([0, 1, 2, 3], transcript.Utterances.Select(u => u.Index));
        // Two phrases 0.45 s apart by one speaker are one turn; the same speaker after 3.7 s starts a new one.
        Assert.Equal("It was alright. At first.", transcript.Utterances[1].Text);
        Assert.Equal((2.6, 4.4), (transcript.Utterances[1].StartSeconds!.Value, transcript.Utterances[1].EndSeconds!.Value));
        Assert.Equal("Me neither.", transcript.Utterances[3].Text);
    }

    [Fact]
    public void Words_KeepTheirTimesAndConfidences_AndUnrecognisedPhrasesAreLeftOut()
    {
        var transcript = BatchTranscriptMapper.Map(Recorded("focus-group-three-speakers.json"), "rec-0001", "azure-speech-batch", Gap);

        Assert.Equal(17, transcript.Utterances.Sum(u => u.Words.Count));
        var alright = transcript.Utterances[1].Words[2];
        Assert.Equal(("alright", 2.95, 3.45, 0.42), (alright.Text, alright.StartSeconds, alright.EndSeconds, alright.Confidence));
        Assert.All(transcript.Utterances, u => Assert.All(u.Words, w => Assert.InRange(w.StartSeconds, u.StartSeconds!.Value, u.EndSeconds!.Value)));
        // The silence-timeout phrase at 6 s has no words and no text.
        Assert.DoesNotContain(transcript.Utterances, u => u.StartSeconds is > 5.9 and < 6.6);
    }

    [Fact]
    public void ANoMergeGap_KeepsEveryPhraseAsItsOwnUtterance()
    {
        var transcript = BatchTranscriptMapper.Map(Recorded("focus-group-three-speakers.json"), "rec-0001", "azure-speech-batch", TimeSpan.Zero);
        Assert.Equal(5, transcript.Utterances.Count);
    }

    [Fact]
    public void WithoutDiarization_EveryPhraseIsSpeaker1()
    {
        const string json = """
            {"recognizedPhrases":[
              {"recognitionStatus":"Success","channel":0,"offsetMilliseconds":0,"durationMilliseconds":900,
               "nBest":[{"confidence":0.9,"lexical":"hello there","display":"Hello there.","words":[
                 {"word":"hello","offsetMilliseconds":0,"durationMilliseconds":400,"confidence":0.93},
                 {"word":"there","offsetMilliseconds":400,"durationMilliseconds":500}]}]}]}
            """;
        var transcript = BatchTranscriptMapper.Map(json, "r", "e", Gap);

        Assert.Equal("Speaker 1", Assert.Single(transcript.Utterances).Speaker);
        // A word without its own confidence takes the phrase's.
        Assert.Equal(0.9, transcript.Utterances[0].Words[1].Confidence);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"source":"x"}""")]
    [InlineData("""{"recognizedPhrases":[{"recognitionStatus":"Success","nBest":[{"display":"Kelly rang"}]}]}""")]
    public void AnUnreadableResult_FailsTheStage_WithoutQuotingIt(string json)
    {
        var error = Assert.Throws<EngineUnavailableException>(() => BatchTranscriptMapper.Map(json, "r", "e", Gap));
        Assert.Contains("could not be read", error.Message);
        Assert.DoesNotContain("Kelly", error.Message);
    }

    [EvalFact]
    public void TheServicesSampleResult_MapsToTwoSpeakersThreeTurnsAndElevenWords()
    {
        var json = File.ReadAllText(EvalData.PathOf("formats/azure-speech-batch/transcriptSample.json"));

        var transcript = BatchTranscriptMapper.Map(json, "rec-sample", "azure-speech-batch", Gap);

        Assert.Equal(["Speaker 1", "Speaker 2"], transcript.Speakers);
        Assert.Equal(["Speaker 1", "Speaker 2", "Speaker 1"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal([(0.04, 2.22), (2.28, 5.36), (5.4, 7.46)], transcript.Utterances.Select(u => (u.StartSeconds!.Value, u.EndSeconds!.Value)));
        Assert.Equal([4, 4, 3], transcript.Utterances.Select(u => u.Words.Count));
        var first = transcript.Utterances[0].Words[0];
        Assert.Equal((0.04, 0.52, 0.968795), (first.StartSeconds, first.EndSeconds, first.Confidence));
        Assert.All(transcript.Utterances.SelectMany(u => u.Words), w => Assert.InRange(w.Confidence, 0.96, 1.0));
    }
}
