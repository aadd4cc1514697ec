using System.Buffers.Binary;
using System.Text;

namespace Workflow.Engines.Whisper.Tests;

/// <summary>
/// Writes a ggml Whisper model that whisper.cpp loads and runs: the tensor names, shapes and types of
/// a tiny.en model (F16 matrices, F32 vectors) with a 64-wide state and every weight zero, about 9 MB.
/// It recognises nothing (it decodes one meaningless token with probability 0), but it drives the
/// real native path end to end: load, decode, segments and tokens with times. Made by the tests, so
/// no model is downloaded or shipped.
/// </summary>
internal static class ZeroWeightModel
{
    private const int Vocabulary = 51864, AudioContext = 1500, TextContext = 448, State = 64, Layers = 4, Mels = 80;

    /// <summary>Words written to the file; whisper.cpp adds the special and timestamp tokens up to <see cref="Vocabulary"/>.</summary>
    private const int FileWords = 50256;

    /// <summary>Where GPT-2's vocabulary, which Whisper's extends, has the single space.</summary>
    private const int SpaceToken = 220;

    public static void Write(string path)
    {
        using var file = new BufferedStream(File.Create(path), 1 << 16);
        Ints(file, unchecked((int)0x67676d6c), Vocabulary, AudioContext, State, 1, Layers, TextContext, State, 1, Layers, Mels, 1);
        Ints(file, Mels, 201);
        file.Write(new byte[Mels * 201 * sizeof(float)]);
        Ints(file, FileWords);
        for (var i = 0; i < FileWords; i++)
        {
            // whisper.cpp looks up the single-space token by its text when it suppresses blank output.
            var word = Encoding.ASCII.GetBytes(i == SpaceToken ? " " : $"w{i}");
            Ints(file, word.Length);
            file.Write(word);
        }

        Tensor(file, "encoder.positional_embedding", State, AudioContext);
        Tensor(file, "encoder.conv1.weight", 3, Mels, State);
        Tensor(file, "encoder.conv1.bias", 1, State);
        Tensor(file, "encoder.conv2.weight", 3, State, State);
        Tensor(file, "encoder.conv2.bias", 1, State);
        Tensor(file, "encoder.ln_post.weight", State);
        Tensor(file, "encoder.ln_post.bias", State);
        for (var i = 0; i < Layers; i++) Block(file, $"encoder.blocks.{i}", cross: false);
        Tensor(file, "decoder.positional_embedding", State, TextContext);
        Tensor(file, "decoder.token_embedding.weight", State, Vocabulary);
        Tensor(file, "decoder.ln.weight", State);
        Tensor(file, "decoder.ln.bias", State);
        for (var i = 0; i < Layers; i++) Block(file, $"decoder.blocks.{i}", cross: true);
    }

    private static void Block(Stream file, string prefix, bool cross)
    {
        Norm(file, $"{prefix}.mlp_ln");
        Tensor(file, $"{prefix}.mlp.0.weight", State, 4 * State);
        Tensor(file, $"{prefix}.mlp.0.bias", 4 * State);
        Tensor(file, $"{prefix}.mlp.2.weight", 4 * State, State);
        Tensor(file, $"{prefix}.mlp.2.bias", State);
        Attention(file, prefix, "attn");
        if (cross) Attention(file, prefix, "cross_attn");
    }

    private static void Attention(Stream file, string prefix, string kind)
    {
        Norm(file, $"{prefix}.{kind}_ln");
        Tensor(file, $"{prefix}.{kind}.query.weight", State, State);
        Tensor(file, $"{prefix}.{kind}.query.bias", State);
        Tensor(file, $"{prefix}.{kind}.key.weight", State, State);
        Tensor(file, $"{prefix}.{kind}.value.weight", State, State);
        Tensor(file, $"{prefix}.{kind}.value.bias", State);
        Tensor(file, $"{prefix}.{kind}.out.weight", State, State);
        Tensor(file, $"{prefix}.{kind}.out.bias", State);
    }

    private static void Norm(Stream file, string name)
    {
        Tensor(file, name + ".weight", State);
        Tensor(file, name + ".bias", State);
    }

    /// <summary>Matrices (and convolution kernels) are F16, as in a published f16 model; vectors are F32.</summary>
    private static void Tensor(Stream file, string name, params int[] shape)
    {
        var half = name.EndsWith(".weight", StringComparison.Ordinal) && shape.Length >= 2;
        Ints(file, [shape.Length, name.Length, half ? 1 : 0, .. shape]);
        file.Write(Encoding.ASCII.GetBytes(name));
        file.Write(new byte[shape.Aggregate(1L, (n, d) => n * d) * (half ? 2 : 4)]);
    }

    private static void Ints(Stream file, params int[] values)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
            file.Write(buffer);
        }
    }
}
