using System.Text;

namespace Workflow.Engines.Local.Tests.Import.Fuzzing;

/// <summary>
/// Deterministic mutations of valid inputs: the same seed always gives the same bytes, so a failure
/// found in CI can be replayed from the seed it prints. Each input gets one to four of: bit flips,
/// truncation, splicing two samples, inserted random Unicode (control characters, bidi overrides,
/// lone surrogates), inserted format tokens, duplicated or deleted chunks, and re-encoding.
/// </summary>
internal sealed class SeededMutator(IReadOnlyList<byte[]> samples, IReadOnlyList<string> tokens)
{
    /// <summary>The bytes of one fuzz case and the mutations that made it (for the failure message).</summary>
    public sealed record Case(byte[] Bytes, string Mutations);

    public Case Make(int seed)
    {
        var random = new Random(seed);
        var bytes = samples[random.Next(samples.Count)].ToArray();
        var applied = new List<string>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var (next, name) = Mutate(random, bytes);
            bytes = next;
            applied.Add(name);
        }
        return new Case(bytes, string.Join(", ", applied));
    }

    private (byte[], string) Mutate(Random random, byte[] bytes) => random.Next(9) switch
    {
        0 => (FlipBits(random, bytes), "bit flips"),
        1 => (bytes[..random.Next(bytes.Length + 1)], "truncation"),
        2 => (Splice(random, bytes), "splice"),
        3 => (Insert(random, bytes, Encoding.UTF8.GetBytes(RandomUnicode(random))), "random unicode"),
        4 => (Insert(random, bytes, LoneSurrogateAsUtf8(random)), "lone surrogate bytes"),
        5 => (Insert(random, bytes, Encoding.UTF8.GetBytes(tokens[random.Next(tokens.Count)])), "token"),
        6 => (DuplicateOrDelete(random, bytes), "chunk duplicated or deleted"),
        7 => (Reencode(random, bytes), "re-encoded"),
        _ => (Insert(random, bytes, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(tokens[random.Next(tokens.Count)], random.Next(2, 200))))), "repeated token"),
    };

    private static byte[] FlipBits(Random random, byte[] bytes)
    {
        if (bytes.Length == 0) return bytes;
        var copy = bytes.ToArray();
        for (var i = random.Next(1, 9); i > 0; i--) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private byte[] Splice(Random random, byte[] bytes)
    {
        var other = samples[random.Next(samples.Count)];
        return [.. bytes[..random.Next(bytes.Length + 1)], .. other[random.Next(other.Length + 1)..]];
    }

    private static byte[] Insert(Random random, byte[] bytes, byte[] inserted)
    {
        var at = random.Next(bytes.Length + 1);
        return [.. bytes[..at], .. inserted, .. bytes[at..]];
    }

    private static byte[] DuplicateOrDelete(Random random, byte[] bytes)
    {
        if (bytes.Length == 0) return bytes;
        var start = random.Next(bytes.Length);
        var end = Math.Min(bytes.Length, start + random.Next(1, 64));
        return random.Next(2) == 0
            ? [.. bytes[..end], .. bytes[start..end], .. bytes[end..]]
            : [.. bytes[..start], .. bytes[end..]];
    }

    // Text decoded leniently where it can be (UTF-8 with a BOM skipped, else replaced), then written
    // as UTF-16 with or without a byte order mark, or with a UTF-8 one.
    private static byte[] Reencode(Random random, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return random.Next(4) switch
        {
            0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            1 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            2 => Encoding.Unicode.GetBytes(text),
            _ => [.. Encoding.UTF8.GetPreamble(), .. bytes],
        };
    }

    private static string RandomUnicode(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--)
        {
            text.Append(random.Next(8) switch
            {
                0 => (char)random.Next(0, 32),            // control characters, NUL among them
                1 => '\u202E',                            // right-to-left override
                2 => '\uFEFF',                            // a byte order mark in the middle
                3 => (char)random.Next(0x0300, 0x0370),   // combining marks
                4 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),
                5 => (char)random.Next(0xD800, 0xE000),   // a lone surrogate (UTF-8 writes U+FFFD for it)
                6 => (char)random.Next(0x3000, 0x9FFF),
                _ => (char)random.Next(32, 127),
            });
        }
        return text.ToString();
    }

    // A surrogate code point encoded as three UTF-8 bytes (ED A0 80..ED BF BF), which a strict decoder refuses.
    private static byte[] LoneSurrogateAsUtf8(Random random) =>
        [0xED, (byte)random.Next(0xA0, 0xC0), (byte)random.Next(0x80, 0xC0)];
}
