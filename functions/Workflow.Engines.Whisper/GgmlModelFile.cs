using System.Buffers.Binary;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Whisper;

/// <summary>
/// Checks the configured model before any native code sees it. whisper.cpp does not check that its
/// reads succeed: the ggml magic followed by zeros "loads", and a file cut off after its header loads
/// and then aborts the whole process (std::length_error) when audio is processed. So the file's layout
/// is walked here first (header, mel filters, vocabulary, then every tensor's header and data size)
/// and a file that does not add up is refused with a message, never handed to whisper.cpp.
/// </summary>
internal static class GgmlModelFile
{
    /// <summary>"ggml" as whisper.cpp writes it: the 32-bit value 0x67676d6c, little-endian.</summary>
    private const uint Magic = 0x67676d6c;

    /// <summary>
    /// Bytes per block and elements per block of the tensor types whisper.cpp model files use (ggml's
    /// numbering). A tensor of another type stops the walk without refusing the file: this check must
    /// never reject a model that whisper.cpp can load.
    /// </summary>
    private static readonly Dictionary<int, (int Bytes, int Elements)> TensorTypes = new()
    {
        [0] = (4, 1),    // F32
        [1] = (2, 1),    // F16
        [2] = (18, 32),  // Q4_0
        [3] = (20, 32),  // Q4_1
        [6] = (22, 32),  // Q5_0
        [7] = (24, 32),  // Q5_1
        [8] = (34, 32),  // Q8_0
        [30] = (2, 1),   // BF16
    };

    /// <summary>
    /// The full path of the configured model, or <see cref="EngineUnavailableException"/> saying what to
    /// fix: the setting is empty, the file is missing, or it is not a complete ggml Whisper model.
    /// </summary>
    public static string Check(string? configuredPath)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
            throw new EngineUnavailableException($"The Whisper engine has no model: {WhisperOptions.ModelPathSetting} is not set. {WhisperOptions.ModelHint}.");
        var path = Path.GetFullPath(configuredPath);
        if (!File.Exists(path))
            throw new EngineUnavailableException($"The Whisper model file '{path}' does not exist: fix {WhisperOptions.ModelPathSetting}. {WhisperOptions.ModelHint}.");

        string? problem;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            problem = LayoutProblem(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EngineUnavailableException($"The Whisper model file '{path}' cannot be read ({e.Message}): check its permissions or fix {WhisperOptions.ModelPathSetting}.", e);
        }
        if (problem is not null)
            throw new EngineUnavailableException($"'{path}' is not a complete ggml Whisper model ({problem}): fix {WhisperOptions.ModelPathSetting}. {WhisperOptions.ModelHint}.");
        return path;
    }

    /// <summary>Why the stream is not laid out as a ggml Whisper model, or null when it is.</summary>
    internal static string? LayoutProblem(Stream stream)
    {
        var reader = new LayoutReader(stream);
        if (reader.Remaining < 4 || reader.UInt32() != Magic) return "it does not start with the ggml magic number";
        if (reader.Remaining < 11 * 4) return "the file ends inside its header";
        var header = Enumerable.Range(0, 11).Select(_ => reader.Int32()).ToArray();
        var (vocabulary, mels) = (header[0], header[9]);
        // Every published Whisper model has a ~51.9k-token vocabulary, 80 or 128 mel bands and dimensions
        // in these ranges; anything else is a different ggml file or a damaged one.
        if (vocabulary is < 50_000 or > 60_000) return "its vocabulary size is not Whisper's";
        if (mels is not (80 or 128)) return "its mel band count is not Whisper's";
        if (header[1..9].Any(d => d is <= 0 or > 8192)) return "its model dimensions are out of range";

        if (reader.Remaining < 8) return "the file ends before its mel filters";
        var (filterRows, filterColumns) = (reader.Int32(), reader.Int32());
        if (filterRows is <= 0 or > 1024 || filterColumns is <= 0 or > 4096) return "its mel filter size is out of range";
        if (!reader.Skip((long)filterRows * filterColumns * sizeof(float))) return "the file ends inside its mel filters";

        if (reader.Remaining < 4) return "the file ends before its vocabulary";
        var words = reader.Int32();
        if (words is < 0 or > 1_000_000) return "its vocabulary count is out of range";
        for (var i = 0; i < words; i++)
        {
            if (reader.Remaining < 4) return "the file ends inside its vocabulary";
            var length = reader.UInt32();
            if (length > 1024 || !reader.Skip(length)) return "the file ends inside its vocabulary";
        }

        var tensors = 0;
        while (reader.Remaining > 0)
        {
            if (reader.Remaining < 12) return "the file ends inside a tensor header";
            var (dimensions, nameLength, type) = (reader.Int32(), reader.Int32(), reader.Int32());
            if (dimensions is < 1 or > 4 || nameLength is < 1 or > 256) return "a tensor header is malformed";
            if (reader.Remaining < dimensions * 4L) return "the file ends inside a tensor header";
            long elements = 1;
            for (var d = 0; d < dimensions; d++)
            {
                var size = reader.Int32();
                if (size <= 0 || elements > (1L << 40) / size) return "a tensor header is malformed";
                elements *= size;
            }
            if (!reader.Skip(nameLength)) return "the file ends inside a tensor header";
            // A type this check does not know: whisper.cpp may still load it, so stop checking here.
            if (!TensorTypes.TryGetValue(type, out var layout)) return null;
            if (!reader.Skip(elements * layout.Bytes / layout.Elements)) return "the file ends inside a tensor: it was cut off (an interrupted download?)";
            tensors++;
        }
        return tensors == 0 ? "the file has no tensors: it was cut off (an interrupted download?)" : null;
    }

    /// <summary>Little-endian reads and seeks that know how much of the file is left.</summary>
    private sealed class LayoutReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[4];

        public long Remaining => stream.Length - stream.Position;

        public uint UInt32()
        {
            stream.ReadExactly(_buffer);
            return BinaryPrimitives.ReadUInt32LittleEndian(_buffer);
        }

        public int Int32() => unchecked((int)UInt32());

        /// <summary>Moves past <paramref name="bytes"/> bytes; false when the file is shorter than that.</summary>
        public bool Skip(long bytes)
        {
            if (bytes < 0 || bytes > Remaining) return false;
            stream.Seek(bytes, SeekOrigin.Current);
            return true;
        }
    }
}
