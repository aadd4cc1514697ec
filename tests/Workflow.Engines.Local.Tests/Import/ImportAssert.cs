using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>Structural checks every imported timed transcript must pass.</summary>
internal static class ImportAssert
{
    public static void WellFormedTimed(Transcript transcript)
    {
        Assert.NotEmpty(transcript.Utterances);
        for (var i = 0; i < transcript.Utterances.Count; i++)
        {
            var u = transcript.Utterances[i];
            Assert.Equal(i, u.Index);
            Assert.False(string.IsNullOrWhiteSpace(u.Text));
            Assert.Equal(u.Text.Trim(), u.Text);
            Assert.False(string.IsNullOrWhiteSpace(u.Speaker));
            Assert.NotNull(u.StartSeconds);
            Assert.NotNull(u.EndSeconds);
            Assert.True(u.EndSeconds >= u.StartSeconds, $"utterance {i} ends before it starts");
            if (i > 0) Assert.True(u.StartSeconds >= transcript.Utterances[i - 1].StartSeconds, $"utterance {i} is out of order");
        }
    }
}
