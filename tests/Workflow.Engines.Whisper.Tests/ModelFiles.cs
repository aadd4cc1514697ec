using System.Buffers.Binary;

namespace Workflow.Engines.Whisper.Tests;

/// <summary>Real files standing in for models: a private temporary folder removed after each test class.</summary>
public sealed class ModelFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("whisper-tests-").FullName;

    public string Missing => Path.Combine(Folder, "ggml-base.en.bin");

    /// <summary>A text file named like a model: what a user gets by saving a download page instead of the file.</summary>
    public string Junk()
    {
        var path = Path.Combine(Folder, "junk-ggml-base.en.bin");
        File.WriteAllText(path, "<!DOCTYPE html><html><body>Not a model</body></html>\n");
        return path;
    }

    /// <summary>The ggml magic followed by zeros: whisper.cpp itself accepts this as a model.</summary>
    public string MagicThenZeros()
    {
        var bytes = new byte[256];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x67676d6c);
        var path = Path.Combine(Folder, "zeros.bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The header of a base.en model and nothing after it: a download cut off early (whisper.cpp aborts the process on it).</summary>
    public string HeaderOnly() => Write("truncated-ggml-base.en.bin", Header());

    /// <summary>
    /// A file laid out exactly as a ggml Whisper model (header, mel filters, vocabulary, tensors of
    /// three types) but tiny and with made-up tensors: it passes the layout check and whisper.cpp must
    /// refuse it. <paramref name="cut"/> bytes are removed from the end and <paramref name="extra"/> added.
    /// </summary>
    public string Complete(int cut = 0, byte[]? extra = null, int lastTensorType = 8)
    {
        using var bytes = new MemoryStream();
        bytes.Write(Header());
        WriteInts(bytes, 80, 4);
        bytes.Write(new byte[80 * 4 * sizeof(float)]);
        string[] words = ["a", "b", "hello"];
        WriteInts(bytes, words.Length);
        foreach (var word in words)
        {
            WriteInts(bytes, word.Length);
            bytes.Write(System.Text.Encoding.ASCII.GetBytes(word));
        }
        Tensor(bytes, "encoder.x", [4], type: 0, dataBytes: 16);        // F32: 4 x 4 bytes
        Tensor(bytes, "decoder.y", [8, 2], type: 1, dataBytes: 32);     // F16: 16 x 2 bytes
        Tensor(bytes, "decoder.z", [64], type: lastTensorType, dataBytes: 68); // Q8_0: 2 blocks of 34 bytes
        bytes.Write(extra ?? []);
        var content = bytes.ToArray();
        return Write($"model-{cut}-{extra?.Length ?? 0}-{lastTensorType}.bin", content[..^cut]);
    }

    private static byte[] Header()
    {
        using var bytes = new MemoryStream();
        WriteInts(bytes, unchecked((int)0x67676d6c), 51864, 1500, 512, 8, 6, 448, 512, 8, 6, 80, 1);
        return bytes.ToArray();
    }

    private static void Tensor(Stream into, string name, int[] dimensions, int type, int dataBytes)
    {
        WriteInts(into, [dimensions.Length, name.Length, type, .. dimensions]);
        into.Write(System.Text.Encoding.ASCII.GetBytes(name));
        into.Write(new byte[dataBytes]);
    }

    private static void WriteInts(Stream into, params int[] values)
    {
        var buffer = new byte[4];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
            into.Write(buffer);
        }
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
