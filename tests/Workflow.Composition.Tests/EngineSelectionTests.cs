using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local;
using Workflow.Engines.Local.Deidentification;
using Workflow.Engines.Local.Transcription;
using Workflow.Engines.Whisper;

namespace Workflow.Composition.Tests;

public class EngineSelectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The local adapter plus a dummy cloud adapter, as a host would register them.</summary>
    private static EngineSelection Selection(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(Path.GetTempPath()));
        services.AddLocalEngines(configuration);
        services.AddTranscriptionEngine<CloudTranscriber>("cloud", "a cloud recogniser", isCloud: true);
        services.AddDeidentificationEngine<CloudDetector>("cloud-pii", "a cloud PII service", isCloud: true);
        services.AddCodingEngine<EchoCoder>("echo", "a test coder");
        services.AddEngineSelection(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true })
            .GetRequiredService<EngineSelection>();
    }

    private static Study StudyWith(StudyEngineSettings? engines) => new("s1", "Study", [], DateTimeOffset.UnixEpoch) { Engines = engines };

    [Fact]
    public void AnUnknownEngineKey_StopsStartUp_ListingWhatIsAvailable()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLocalEngines(Config());
        var error = Assert.Throws<InvalidOperationException>(() => services.AddEngineSelection(Config(("Engines:Transcription", "Kaldi"))));
        Assert.Contains("Engines:Transcription = 'kaldi' is not available", error.Message);
        Assert.Contains("local (offline PocketSphinx)", error.Message);
    }

    [Fact]
    public void WithoutTheStudyListMatcher_StartUpStops()
    {
        var services = new ServiceCollection();
        services.AddTranscriptionEngine<CloudTranscriber>("local", "x");
        services.AddCodingEngine<EchoCoder>("keywords", "x");
        services.AddDeidentificationEngine<CloudDetector>("rules", "x");
        var error = Assert.Throws<InvalidOperationException>(() => services.AddEngineSelection(Config()));
        Assert.Contains("study identifier list", error.Message);
    }

    [Fact]
    public void HostDefault_ServesStudiesWithoutTheirOwnChoice()
    {
        var selection = Selection(Config(("Engines:Coding", "echo")));
        Assert.IsType<PocketSphinxTranscriptionEngine>(selection.Transcription(StudyWith(null)));
        Assert.IsType<EchoCoder>(selection.Coding(StudyWith(null)));
    }

    [Fact]
    public void TheStudysChoice_WinsOverTheHostDefault()
    {
        var selection = Selection(Config());
        var study = StudyWith(new StudyEngineSettings(AllowCloudEngines: true, Transcription: "cloud", Coding: "ECHO"));
        Assert.IsType<CloudTranscriber>(selection.Transcription(study));
        Assert.IsType<EchoCoder>(selection.Coding(study));
    }

    [Fact]
    public void AStudyThatForbidsCloudEngines_IsNeverSentToOne_EvenWhenTheHostDefaultIsCloud()
    {
        var selection = Selection(Config(("Engines:Transcription", "cloud")));
        var error = Assert.Throws<EngineUnavailableException>(() => selection.Transcription(StudyWith(null)));
        Assert.Contains("does not allow cloud engines", error.Message);
        Assert.Contains("local", error.Message);
        Assert.IsType<CloudTranscriber>(selection.Transcription(StudyWith(new StudyEngineSettings(AllowCloudEngines: true))));
    }

    [Fact]
    public void Check_RefusesUnknownEngines_AndCloudEnginesForAStudyThatForbidsThem()
    {
        var selection = Selection(Config());
        var errors = selection.Check(new StudyEngineSettings(Transcription: "cloud", Deidentification: ["nope"], Coding: "keywords"));
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("'cloud' is a cloud engine"));
        Assert.Contains(errors, e => e.Contains("'nope' is not available"));
        Assert.Empty(selection.Check(new StudyEngineSettings(AllowCloudEngines: true, Transcription: "cloud")));
        Assert.NotEmpty(selection.Check(new StudyEngineSettings(Deidentification: [EngineKeys.StudyList])));
    }

    [Fact]
    public void Deidentification_AlwaysRunsTheStudyList_BesideTheChosenDetectors()
    {
        var selection = Selection(Config(("Engines:Deidentification", "rules, cloud-pii")));

        var forbidding = Assert.IsType<CompositeDeidentificationEngine>(selection.Deidentification(StudyWith(null)));
        Assert.Equal("study-list+rules", forbidding.Name);
        var allowing = Assert.IsType<CompositeDeidentificationEngine>(selection.Deidentification(StudyWith(new StudyEngineSettings(AllowCloudEngines: true))));
        Assert.Equal("study-list+rules+cloud-pii", allowing.Name);
        var own = Assert.IsType<CompositeDeidentificationEngine>(selection.Deidentification(StudyWith(new StudyEngineSettings(Deidentification: []))));
        Assert.Equal("study-list", own.Name);
    }

    [Fact]
    public async Task CompositeFindings_AreTheUnionOfTheDetectors_WithProvenance()
    {
        var selection = Selection(Config(("Engines:Deidentification", "rules,cloud-pii")));
        var engine = selection.Deidentification(StudyWith(new StudyEngineSettings(AllowCloudEngines: true)));
        var transcript = new Transcript("r1", "test", [Utterance.Untimed(0, "P1", "Dave rang 07700 900418 about Harbour Project.")]);
        var list = new StudyIdentifierList("s1", 1, [new StudyIdentifier("h", "Harbour Project", IdentifierKind.Organization, [])]);

        var findings = await engine.FindAsync(transcript, list, default);

        Assert.Equal(["Dave", "07700 900418", "Harbour Project"], findings.Select(f => f.Text));
        Assert.Equal(["cloud-pii", "rules", "study-list"], findings.Select(f => f.Recognizer.Split('/')[0]));
    }

    [Fact]
    public void Whisper_IsOfferedAsAnOfflineEngine_ThatAStudyWithoutCloudCanChoose_AndAHostCanDefaultTo()
    {
        // No model is configured: choosing the engine must still work; only transcribing needs the model.
        var services = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(Path.GetTempPath()));
        services.AddLocalEngines(Config()).AddWhisperEngine(Config());
        services.AddEngineSelection(Config(("Engines:Transcription", "Whisper")));
        var selection = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true })
            .GetRequiredService<EngineSelection>();

        var whisper = Assert.Single(selection.Available(EngineStage.Transcription), d => d.Key == "whisper");
        Assert.False(whisper.IsCloud);
        Assert.Contains("Engines:Whisper:ModelPath", whisper.Description);
        Assert.Empty(selection.Check(new StudyEngineSettings(Transcription: "whisper")));
        Assert.IsType<WhisperTranscriptionEngine>(selection.Transcription(StudyWith(null)));
        Assert.IsType<PocketSphinxTranscriptionEngine>(selection.Transcription(StudyWith(new StudyEngineSettings(Transcription: "local"))));
    }

    [Fact]
    public void EveryRegisteredEngine_Resolves()
    {
        var selection = Selection(Config());
        foreach (var stage in Enum.GetValues<EngineStage>())
            Assert.NotEmpty(selection.Available(stage));
        Assert.DoesNotContain(selection.Available(EngineStage.Deidentification), d => d.Key == EngineKeys.StudyList);
        Assert.IsType<StudyListDetector>(new ServiceCollection().AddLogging().AddLocalEngines(Config()).BuildServiceProvider()
            .GetRequiredKeyedService<IDeidentificationEngine>(EngineKeys.StudyList));
    }
}

public class CompositeTeachingTests
{
    private sealed class Fixed(string name, params IdentifierFinding[] findings) : IDeidentificationEngine
    {
        public string Name => name;

        public Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
    }

    [Fact]
    public async Task WordsMarkedNotIdentifying_AreDroppedFromDetectors_ButTheStudyListStillWins()
    {
        var teams = new IdentifierFinding(0, 0, 5, IdentifierKind.Location, "Teams", "teams", 0.6, "names/unplaced");
        var bridge = new IdentifierFinding(0, 10, 16, IdentifierKind.Organization, "Bridge", "bridge", 0.6, "orgs/pattern");
        var listedBridge = bridge with { EntityKey = "id:b", Confidence = 1.0, Recognizer = "study-list" };
        var list = StudyIdentifierList.Empty("s1").WithNotIdentifying("teams", 1)!.WithNotIdentifying("Bridge", 2)!;
        var engine = new CompositeDeidentificationEngine(new Fixed("study-list", listedBridge), [new Fixed("names", teams, bridge)]);

        var findings = await engine.FindAsync(new Transcript("r", "t", []), list, default);

        Assert.Equal("Bridge", Assert.Single(findings).Text);
        Assert.Equal("study-list", findings[0].Recognizer);
    }
}
