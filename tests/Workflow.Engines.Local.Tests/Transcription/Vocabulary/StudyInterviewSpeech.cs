using Workflow.Engines.Local.Transcription;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

/// <summary>
/// Made-up interview passages about drug-treatment services, full of invented British names, and the
/// study vocabulary a study would hold for them: the names (plus some that are never spoken, as a real
/// identifier list has) and codebook jargon. Synthesised once per test class in two espeak-ng voices.
/// </summary>
public sealed class StudyInterviewSpeech : IAsyncLifetime, IDisposable
{
    public static readonly string[] Passages =
    [
        "I first went to the Calder Lodge service in Craigentinny. My keyworker there was Morag Baillie. " +
        "She got me off my methadone script and onto Subutex. Before that I was at the Netherlea Clinic near Gorebridge.",
        "Declan Fairlie ran the group at the Brightwater Project. Then I moved to Saltcoats with my partner Tamsin Rudd. " +
        "The pharmacist in Kirkcaldy gave me Espranor and a naloxone kit.",
        "Eilidh Drummond from the Harbour Recovery Hub got me onto Buvidal. Gethin Pryce was my social worker in Whitburn. " +
        "Kieran Moncur at the Dunavon Centre helped me with my housing.",
    ];

    /// <summary>People, places and services named in the passages: what the identifier list holds and de-identification needs.</summary>
    public static readonly string[] Names =
    [
        "Morag Baillie", "Declan Fairlie", "Tamsin Rudd", "Eilidh Drummond", "Gethin Pryce", "Kieran Moncur",
        "Craigentinny", "Gorebridge", "Saltcoats", "Kirkcaldy", "Whitburn",
        "Calder Lodge", "Netherlea Clinic", "Brightwater Project", "Harbour Recovery Hub", "Dunavon Centre",
    ];

    /// <summary>Codebook jargon spoken in the passages.</summary>
    public static readonly string[] Jargon = ["keyworker", "Subutex", "methadone script", "Espranor", "naloxone", "Buvidal"];

    /// <summary>On the study's lists but never spoken: they must not turn up instead of ordinary words.</summary>
    public static readonly string[] Unspoken =
    [
        "Fiona Gallacher", "Hugh Tennent", "Aileen McConachie", "Ravenscraig", "Lochend", "Strathbrock Partnership",
        "Inchview Surgery", "Rhona Lusk", "detox", "harm reduction", "Prenoxad",
    ];

    public static IReadOnlyList<string> Terms => [.. Names, .. Jargon, .. Unspoken];

    public static readonly string[] Voices = ["en-gb", "en-us"];

    private readonly TempFolder _folder = new();

    public string WavPath(int passage, string voice) => _folder.File($"passage{passage}-{voice}.wav");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(EvalData.RepositoryRoot, "scripts", "make-sample-audio.sh");
        foreach (var voice in Voices)
        {
            for (var i = 0; i < Passages.Length; i++)
            {
                var text = _folder.File($"passage{i}.txt");
                await File.WriteAllTextAsync(text, Passages[i]);
                var result = await ProcessRunner.RunAsync("env", [$"VOICE={voice}", "bash", script, text, WavPath(i, voice)], "install bash", TimeSpan.FromMinutes(2), CancellationToken.None);
                Assert.True(result.ExitCode == 0, "make-sample-audio.sh failed: " + string.Join('\n', result.StandardErrorTail));
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
