using System.Collections.Concurrent;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>
/// The engine's pieces as the hosts' activities run them (prepare, each chunk, assemble) against a
/// scratch, with real ffmpeg and PocketSphinx: the same transcript as one process, and a piece repeated
/// after a crash does no work twice.
/// </summary>
public sealed class ChunkedTranscriptionTests(SampleSpeechFixture sample) : IClassFixture<SampleSpeechFixture>, IDisposable
{
    private readonly TempFolder _work = new();
    private readonly TempFolder _scratch = new();
    private static readonly TranscriptionRequest Request = TranscriptionRequest.ForLanguage("en-GB");

    public void Dispose()
    {
        _work.Dispose();
        _scratch.Dispose();
    }

    // Cut by energy every few seconds so the short sample gives several chunks.
    private PocketSphinxTranscriptionEngine Engine() => TestEngines.PocketSphinx(new PocketSphinxOptions
    {
        MaxParallelism = 2,
        Segmentation = SpeechSegmentation.Energy,
        ChunkLength = TimeSpan.FromSeconds(3),
        ParallelThreshold = TimeSpan.FromSeconds(2),
    }, _work.Path);

    [Fact]
    public async Task PiecesRunApart_GiveTheOneProcessTranscript_AndRepeatedPiecesDoNoWorkTwice()
    {
        var engine = Engine();
        var whole = await engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), Request, CancellationToken.None);
        var audio = new CountingAudioSource(new LocalFileAudioSource("rec-1", sample.WavPath));
        var scratch = new RecordingScratch(new FolderTranscriptionScratch(_scratch.Path));

        var chunks = await engine.PrepareAsync(audio, Request, scratch, CancellationToken.None);
        Assert.True(chunks >= 2, $"{chunks} chunk(s)");
        Assert.Equal(chunks, await engine.PrepareAsync(audio, Request, scratch, CancellationToken.None));
        Assert.Equal(1, audio.Copies);

        // Last to first, each twice, as activities on several workers and a redelivery might run them;
        // each reports how many chunks are recognised now.
        for (var i = chunks - 1; i >= 0; i--)
        {
            var progress = await engine.TranscribeChunkAsync(i, Request, scratch, CancellationToken.None);
            Assert.Equal((chunks - i, chunks), (progress.Done, progress.Total));
            Assert.Equal(progress, await engine.TranscribeChunkAsync(i, Request, scratch, CancellationToken.None));
        }
        Assert.Equal(chunks, scratch.Saved.Count(n => n.StartsWith("chunk-", StringComparison.Ordinal)));

        var assembled = await engine.AssembleAsync("rec-1", Request, scratch, CancellationToken.None);
        Assert.Equal(Shape(whole), Shape(assembled));
        Assert.NotEmpty(assembled.Utterances);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_work.Path));
    }

    [Fact]
    public async Task AssemblingBeforeEveryChunkIsDone_FailsNamingTheChunk()
    {
        var engine = Engine();
        var scratch = new FolderTranscriptionScratch(_scratch.Path);
        var chunks = await engine.PrepareAsync(new LocalFileAudioSource("rec-1", sample.WavPath), Request, scratch, CancellationToken.None);
        await engine.TranscribeChunkAsync(0, Request, scratch, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.AssembleAsync("rec-1", Request, scratch, CancellationToken.None));
        Assert.Equal($"Chunk 2 of {chunks} has no recognised words: it was never transcribed.", ex.Message);
    }

    [Fact]
    public async Task AChunkOfAnUnpreparedRecording_OrOutsideThePlan_IsRefusedInWords()
    {
        var engine = Engine();
        var scratch = new FolderTranscriptionScratch(_scratch.Path);

        var unprepared = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.TranscribeChunkAsync(0, Request, scratch, CancellationToken.None));
        Assert.Contains("has not been prepared", unprepared.Message, StringComparison.Ordinal);

        var chunks = await engine.PrepareAsync(new LocalFileAudioSource("rec-1", sample.WavPath), Request, scratch, CancellationToken.None);
        var outside = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => engine.TranscribeChunkAsync(chunks, Request, scratch, CancellationToken.None));
        Assert.Contains($"prepared in {chunks} chunk(s); there is no chunk {chunks}", outside.Message, StringComparison.Ordinal);
    }

    private static List<(string, double?, double?, string, int)> Shape(Domain.Transcripts.Transcript t) =>
        t.Utterances.Select(u => (u.Text, u.StartSeconds, u.EndSeconds, u.Speaker, u.Words.Count)).ToList();

    private sealed class CountingAudioSource(IAudioSource inner) : IAudioSource
    {
        public int Copies;
        public string RecordingId => inner.RecordingId;
        public string Extension => inner.Extension;

        public Task<IWorkFile> GetLocalCopyAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Copies);
            return inner.GetLocalCopyAsync(cancellationToken);
        }

        public Task<Uri> GetReadUrlAsync(TimeSpan lifetime, CancellationToken cancellationToken) => inner.GetReadUrlAsync(lifetime, cancellationToken);
    }

    /// <summary>Passes through, remembering every text saved (chunk results, the plan).</summary>
    private sealed class RecordingScratch(ITranscriptionScratch inner) : ITranscriptionScratch
    {
        public ConcurrentQueue<string> Saved { get; } = new();
        public Task SaveFileAsync(string name, string localPath, CancellationToken ct) => inner.SaveFileAsync(name, localPath, ct);
        public Task ReadRangeAsync(string name, long offset, long length, Stream destination, CancellationToken ct) => inner.ReadRangeAsync(name, offset, length, destination, ct);
        public Task LoadFileAsync(string name, string localPath, CancellationToken ct) => inner.LoadFileAsync(name, localPath, ct);
        public Task<string?> LoadTextAsync(string name, CancellationToken ct) => inner.LoadTextAsync(name, ct);
        public Task<int> CountAsync(string namePrefix, CancellationToken ct) => inner.CountAsync(namePrefix, ct);

        public Task SaveTextAsync(string name, string content, CancellationToken ct)
        {
            Saved.Enqueue(name);
            return inner.SaveTextAsync(name, content, ct);
        }
    }
}
