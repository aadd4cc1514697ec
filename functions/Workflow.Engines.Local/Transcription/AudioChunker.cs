using System.Buffers.Binary;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Cuts decoded audio into chunk files so several recogniser processes can share a long recording.
/// <see cref="Split"/> finds the cuts itself by energy (the <c>energy</c> segmentation); <see cref="Write"/>
/// takes cuts planned from detected speech. Cutting in a pause matters: a word cut in half is lost or
/// misrecognised in both chunks.
/// </summary>
internal static class AudioChunker
{
    private const int FrameSamples = DecodedAudio.SampleRate / 100; // 10 ms
    private const int QuietFrames = 30;                              // look for 300 ms of the lowest energy

    /// <summary>
    /// Splits <paramref name="audio"/> into chunks of about <paramref name="chunkSeconds"/>, each cut at
    /// the quietest 300 ms within <paramref name="searchSeconds"/> of the target point. The files are
    /// written beside the decoded audio, so disposing it removes them.
    /// </summary>
    public static IReadOnlyList<AudioChunk> Split(DecodedAudio audio, double chunkSeconds, double searchSeconds = 10) =>
        Write(audio, EnergyCuts(audio, chunkSeconds, searchSeconds));

    /// <summary>The cut points <see cref="Split"/> uses (sample positions, first 0, last the end).</summary>
    public static IReadOnlyList<long> EnergyCuts(DecodedAudio audio, double chunkSeconds, double searchSeconds = 10)
    {
        var totalSamples = audio.Layout.AvailableDataSize / 2;
        var chunkSamples = (long)(chunkSeconds * DecodedAudio.SampleRate);
        var searchSamples = (long)(searchSeconds * DecodedAudio.SampleRate);

        var cuts = new List<long> { 0 };
        using (var source = File.OpenRead(audio.Path))
        {
            // Stop before a last chunk shorter than half a chunk: it would cost a process start for little audio.
            while (totalSamples - cuts[^1] > chunkSamples * 3 / 2)
            {
                var target = cuts[^1] + chunkSamples;
                var from = Math.Max(cuts[^1] + chunkSamples / 2, target - searchSamples);
                var to = Math.Min(totalSamples, target + searchSamples);
                cuts.Add(QuietestPoint(source, audio.Layout.DataOffset, from, to));
            }
        }
        cuts.Add(totalSamples);
        return cuts;
    }

    /// <summary>
    /// Writes one chunk file per pair of neighbouring <paramref name="cuts"/> (sample positions, first 0,
    /// last the end) beside the decoded audio, so disposing it removes them. Each chunk after the first
    /// starts <paramref name="leadInSamples"/> before its cut (see <see cref="AudioChunk.LeadInSeconds"/>).
    /// </summary>
    public static IReadOnlyList<AudioChunk> Write(DecodedAudio audio, IReadOnlyList<long> cuts, long leadInSamples = 0)
    {
        var chunks = new List<AudioChunk>(cuts.Count - 1);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var path = Path.Combine(audio.Directory, $"chunk-{i:D4}.wav");
            var from = Math.Max(i == 0 ? 0 : cuts[i - 1], cuts[i] - leadInSamples);
            WriteChunk(audio, path, from, cuts[i + 1]);
            chunks.Add(new AudioChunk(path, (double)from / DecodedAudio.SampleRate, (double)(cuts[i + 1] - from) / DecodedAudio.SampleRate,
                (double)(cuts[i] - from) / DecodedAudio.SampleRate));
        }
        return chunks;
    }

    private static long QuietestPoint(FileStream source, long dataOffset, long from, long to)
    {
        var frames = (int)((to - from) / FrameSamples);
        if (frames <= QuietFrames) return (from + to) / 2;

        var bytes = new byte[frames * FrameSamples * 2];
        source.Seek(dataOffset + from * 2, SeekOrigin.Begin);
        source.ReadExactly(bytes);

        var energy = new double[frames];
        for (var f = 0; f < frames; f++)
        {
            double sum = 0;
            for (var s = 0; s < FrameSamples; s++)
            {
                double sample = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan((f * FrameSamples + s) * 2));
                sum += sample * sample;
            }
            energy[f] = sum;
        }

        // Sliding window sum: the quietest stretch, not the quietest single frame (a click can be silent around it).
        double window = energy.Take(QuietFrames).Sum();
        var (best, bestAt) = (window, 0);
        for (var f = QuietFrames; f < frames; f++)
        {
            window += energy[f] - energy[f - QuietFrames];
            if (window < best) (best, bestAt) = (window, f - QuietFrames + 1);
        }
        return from + (long)(bestAt + QuietFrames / 2) * FrameSamples;
    }

    private static void WriteChunk(DecodedAudio audio, string path, long fromSample, long toSample)
    {
        var dataBytes = (toSample - fromSample) * 2;
        using var source = File.OpenRead(audio.Path);
        using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        target.Write(WavHeader((uint)dataBytes));
        source.Seek(audio.Layout.DataOffset + fromSample * 2, SeekOrigin.Begin);
        var buffer = new byte[81920];
        for (var left = dataBytes; left > 0;)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) break;
            target.Write(buffer, 0, read);
            left -= read;
        }
    }

    /// <summary>A canonical 44-byte header for 16 kHz mono 16-bit PCM.</summary>
    internal static byte[] WavHeader(uint dataBytes)
    {
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], DecodedAudio.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], DecodedAudio.BytesPerSecond);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);  // block align
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16); // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], dataBytes);
        return header;
    }
}
