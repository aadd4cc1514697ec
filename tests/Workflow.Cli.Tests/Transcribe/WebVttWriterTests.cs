using System.Text;
using Workflow.Cli.Transcripts;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;

namespace Workflow.Cli.Tests.Transcribe;

public class WebVttWriterTests
{
    private static Utterance Timed(int index, string speaker, double start, double end, string text) => new(index, speaker, start, end, text, []);

    private static Transcript Import(string vtt) =>
        new WebVttTranscriptImporter().Import("r1", new MemoryStream(Encoding.UTF8.GetBytes(vtt)));

    [Fact]
    public void EachUtterance_IsACue_WithItsTimesAndAVoiceTag()
    {
        var transcript = new Transcript("r1", "test", [Timed(0, "Speaker 1", 1.5, 4.25, "Hello there."), Timed(1, "Speaker 2", 3661.0, 3662.0005, "Hi.")]);

        Assert.Equal(
            "WEBVTT\n\n1\n00:00:01.500 --> 00:00:04.250\n<v Speaker 1>Hello there.\n\n2\n01:01:01.000 --> 01:01:02.001\n<v Speaker 2>Hi.\n",
            WebVttWriter.Write(transcript));
    }

    [Fact]
    public void Markup_IsEscaped_AndReadsBackAsWritten()
    {
        const string said = "Fish & chips <not a tag> --> still text, a<b & c>d";
        var vtt = WebVttWriter.Write(new Transcript("r1", "test", [Timed(0, "Speaker 1", 0, 2, said)]));

        Assert.Contains("<v Speaker 1>Fish &amp; chips &lt;not a tag&gt; --&gt; still text, a&lt;b &amp; c&gt;d\n", vtt);
        Assert.Equal(said, Assert.Single(Import(vtt).Utterances).Text);
    }

    [Fact]
    public void LineBreaksInText_CannotEndTheCue()
    {
        var vtt = WebVttWriter.Write(new Transcript("r1", "test", [Timed(0, "Speaker 1", 0, 2, "first line\n\nsecond\r\nthird")]));
        Assert.Equal("first line second third", Assert.Single(Import(vtt).Utterances).Text);
    }

    [Fact]
    public void ATranscript_RoundTripsThroughTheImporter_SpeakersTextAndTimes()
    {
        var transcript = new Transcript("r1", "test",
        [
            Timed(0, "Speaker 1", 0.49, 4.22, "I went to the shop."),
            Timed(1, "Speaker 2", 4.5, 6.001, "Which one?"),
            Timed(2, "Speaker 1", 6.2, 9.9, "The one by the river."),
        ]);

        var imported = Import(WebVttWriter.Write(transcript));

        Assert.Equal(
            transcript.Utterances.Select(u => (u.Speaker, u.StartSeconds, u.EndSeconds, u.Text)),
            imported.Utterances.Select(u => (u.Speaker, u.StartSeconds, u.EndSeconds, u.Text)));
    }

    [Fact]
    public void EmptyUtterances_AreLeftOut_AndCuesNumberedWithoutGaps()
    {
        var vtt = WebVttWriter.Write(new Transcript("r1", "test", [Timed(0, "Speaker 1", 0, 1, "  "), Timed(1, "Speaker 1", 1, 2, "Yes.")]));
        Assert.Equal("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Speaker 1>Yes.\n", vtt);
    }

    [Fact]
    public void AnUntimedUtterance_CannotBeWritten()
    {
        var error = Assert.Throws<ArgumentException>(() => WebVttWriter.Write(new Transcript("r1", "test", [Utterance.Untimed(0, "P1", "Hello.")])));
        Assert.Contains("Utterance 0 has no times", error.Message);
    }

    [Theory]
    [InlineData(0, "00:00:00.000")]
    [InlineData(-0.2, "00:00:00.000")]
    [InlineData(59.9996, "00:01:00.000")]
    [InlineData(36000.25, "10:00:00.250")]
    public void Timestamps_HaveHours_AndRoundToTheMillisecond(double seconds, string expected)
    {
        Assert.Equal(expected, WebVttWriter.Timestamp(seconds));
    }
}
