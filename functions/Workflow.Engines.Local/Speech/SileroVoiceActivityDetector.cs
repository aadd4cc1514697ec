using System.Buffers.Binary;
using Microsoft.ML.OnnxRuntime;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Speech;

/// <summary>
/// Finds speech in a 16 kHz mono 16-bit PCM WAV file with the Silero VAD v5 ONNX model. The file is
/// streamed one 32 ms frame at a time, so memory stays flat however long the recording, and a range
/// can be examined without reading the rest.
/// </summary>
/// <remarks>
/// One ONNX session per detector, loaded once and reused. <c>Detect</c> may run on several
/// threads at once: the model's recurrent state lives in each call, and OnnxRuntime's Run is
/// thread-safe. The session uses one thread: the detector runs beside recogniser processes that
/// already want every core.
/// </remarks>
public sealed class SileroVoiceActivityDetector : IDisposable
{
    /// <summary>Samples per frame the model is trained on at 16 kHz.</summary>
    public const int FrameSamples = 512;

    // v5 at 16 kHz sees the last 64 samples of the previous frame in front of each frame, as the
    // authors' own wrapper feeds it. Without them it still finds the same utterances, but merges short
    // pauses between phrases (checked on espeak-ng speech and LibriVox clips), and pauses are what we cut at.
    private const int ContextSamples = 64;
    private const int StateSize = 2 * 1 * 128;

    // 16 frames (0.5 s) before a range that starts inside the file: the recurrent state starts empty
    // and needs a few frames of context before its probabilities match a run from the file's start.
    private const int WarmUpFrames = 16;

    private readonly InferenceSession _session;
    private readonly VoiceActivitySettings _settings;

    /// <summary>Loads the model; throws <see cref="FileNotFoundException"/> when it is missing.</summary>
    public SileroVoiceActivityDetector(string modelPath, VoiceActivitySettings? settings = null)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException("Silero VAD model not found.", modelPath);
        _settings = settings ?? new VoiceActivitySettings();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, options);
    }

    /// <summary>The speech regions of the WAV file at <paramref name="wavPath"/>, in order, padded.</summary>
    public IReadOnlyList<SpeechRegion> Detect(string wavPath, CancellationToken cancellationToken) =>
        Detect(wavPath, 0, long.MaxValue, cancellationToken);

    /// <summary>
    /// The speech regions between samples <paramref name="fromSample"/> and <paramref name="toSample"/>
    /// (clipped to the file), in file positions. Speech still going on at either end of the range
    /// reaches that end. The model starts half a second early, where the file allows, so its state has
    /// settled when the range begins.
    /// </summary>
    public IReadOnlyList<SpeechRegion> Detect(string wavPath, long fromSample, long toSample, CancellationToken cancellationToken)
    {
        var layout = WavLayout.Read(wavPath) ?? throw new InvalidDataException("Not a RIFF/WAVE file with a data chunk.");
        var end = Math.Min(toSample, layout.AvailableDataSize / 2);
        var start = Math.Clamp(fromSample, 0, end);
        var warmUp = Math.Min(start, WarmUpFrames * FrameSamples);
        var tracker = new SpeechRegionTracker(_settings);
        using var stream = new FileStream(wavPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        stream.Seek(layout.DataOffset + (start - warmUp) * 2, SeekOrigin.Begin);
        using var frames = new FrameScorer(_session);
        var bytes = new byte[FrameSamples * 2];
        var frame = 0;
        for (var at = start - warmUp; at < end; at += FrameSamples, frame++)
        {
            if (frame % 32 == 0) cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(FrameSamples, end - at);
            stream.ReadExactly(bytes, 0, count * 2);
            var probability = frames.Score(bytes.AsSpan(0, count * 2));
            if (at >= start) tracker.Add(at, probability); // warm-up frames only settle the state
        }
        return tracker.Finish(start, end);
    }

    /// <summary>Releases the ONNX session.</summary>
    public void Dispose() => _session.Dispose();

    /// <summary>One pass over one file: the model's state and the tensors it reads and writes, reused per frame.</summary>
    private sealed class FrameScorer : IDisposable
    {
        private static readonly string[] InputNames = ["input", "state", "sr"];
        private static readonly string[] OutputNames = ["output", "stateN"];

        private readonly InferenceSession _session;
        private readonly float[] _input = new float[ContextSamples + FrameSamples];
        private readonly float[] _state = new float[StateSize];
        private readonly float[] _probability = new float[1];
        private readonly float[] _nextState = new float[StateSize];
        private readonly OrtValue[] _inputs;
        private readonly OrtValue[] _outputs;
        private readonly RunOptions _run = new();

        public FrameScorer(InferenceSession session)
        {
            _session = session;
            _inputs =
            [
                OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length]),
                OrtValue.CreateTensorValueFromMemory(_state, [2, 1, 128]),
                OrtValue.CreateTensorValueFromMemory(new long[] { SpeechRegion.SampleRate }, []),
            ];
            _outputs =
            [
                OrtValue.CreateTensorValueFromMemory(_probability, [1, 1]),
                OrtValue.CreateTensorValueFromMemory(_nextState, [2, 1, 128]),
            ];
        }

        /// <summary>Speech probability of one frame of 16-bit little-endian samples (a short last frame is zero-padded).</summary>
        public float Score(ReadOnlySpan<byte> pcm)
        {
            _input.AsSpan(FrameSamples, ContextSamples).CopyTo(_input); // the previous frame's tail becomes the context
            var samples = _input.AsSpan(ContextSamples);
            var count = pcm.Length / 2;
            for (var i = 0; i < count; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * 2)..]) / 32768f;
            samples[count..].Clear();
            _session.Run(_run, InputNames, _inputs, OutputNames, _outputs);
            _nextState.CopyTo(_state, 0);
            return _probability[0];
        }

        public void Dispose()
        {
            foreach (var value in _inputs) value.Dispose();
            foreach (var value in _outputs) value.Dispose();
            _run.Dispose();
        }
    }
}
