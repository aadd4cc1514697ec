using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class NameAndPlaceDeidentificationEngineTests
{
    [Fact]
    public void MissingGazetteers_FailWithTheSettingAndTheCommandThatInstallsThem()
    {
        var empty = Directory.CreateTempSubdirectory("no-gazetteers-");
        try
        {
            var e = Assert.Throws<EngineUnavailableException>(() =>
                new NameAndPlaceDeidentificationEngine(Options.Create(new NameEngineOptions { GazetteerDirectory = empty.FullName })));
            Assert.Contains("Engines:Names:GazetteerDirectory", e.Message);
            Assert.Contains("scripts/setup.sh", e.Message);
            Assert.Contains("humannames.txt", e.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Findings_NameTheirDetectorAndKind()
    {
        var engine = new NameAndPlaceDeidentificationEngine(TestGazetteers.Instance);
        var transcript = new Transcript("t", "s", [
            Utterance.Untimed(0, "Participant", "I saw Marlon at the Lighthouse Project in Kettleby, and my mate Spud was there."),
            Utterance.Untimed(1, "Marlon", "Aye."),
        ]);

        var findings = await engine.FindAsync(transcript, StudyIdentifierList.Empty("s"), CancellationToken.None);

        Assert.Equal("names", engine.Name);
        var text = transcript.Utterances[0].Text;
        Assert.Contains(findings, f => f.Kind == IdentifierKind.Person && f.Recognizer == "names/gazetteer" && text[f.Start..f.End] == "Marlon");
        Assert.Contains(findings, f => f.Kind == IdentifierKind.Person && f.Recognizer == "names/context" && text[f.Start..f.End] == "Spud");
        Assert.Contains(findings, f => f.Kind == IdentifierKind.Organization && f.Recognizer == "orgs/pattern" && f.Text == "Lighthouse Project");
        Assert.Contains(findings, f => f.Kind == IdentifierKind.Location && f.Recognizer == "places/gazetteer" && f.Text == "Kettleby");
        // Speaker labels that name someone are found too; generic tags ("Participant") are not.
        Assert.Single(findings, f => f.Field == FindingField.Speaker);
    }

    [Fact]
    public async Task NameEstablishedOnce_IsFoundAtItsOtherMentions()
    {
        var engine = new NameAndPlaceDeidentificationEngine(TestGazetteers.Instance);
        var transcript = new Transcript("t", "s", [
            Utterance.Untimed(0, "P1", "They call him Zorbal, like."),
            Utterance.Untimed(1, "P2", "Zorbal'll tell you. And zorbal was there."),
        ]);

        var findings = await engine.FindAsync(transcript, StudyIdentifierList.Empty("s"), CancellationToken.None);

        var later = findings.Where(f => f.UtteranceIndex == 1 && f.Kind == IdentifierKind.Person).ToList();
        Assert.Equal(["Zorbal", "zorbal"], later.Select(f => f.Text));
        Assert.All(later, f => Assert.Equal("names/propagated", f.Recognizer));
    }
}
