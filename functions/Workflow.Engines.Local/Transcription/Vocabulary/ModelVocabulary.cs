using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// The words the installed pronunciation dictionary and language model already know. Both are public
/// model files (no study data), read once per file version and kept in memory: the dictionary has
/// about 135,000 words and the default model 72,547.
/// </summary>
internal static class ModelVocabulary
{
    private const string TrieHeader = "Trie Language Model";

    /// <summary>The word list of a trie binary sits at the file's end; this much is read to find it.</summary>
    private const int TrieTailBytes = 16 * 1024 * 1024;

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), IReadOnlySet<string>> Cache = new();

    /// <summary>Base words of a PocketSphinx dictionary ("word(2)" alternatives counted once).</summary>
    public static IReadOnlySet<string> Dictionary(string path) => Cached(path, ReadDictionaryWords);

    /// <summary>Unigrams of a language model in sphinxbase's trie binary (<c>.lm.bin</c>) or ARPA text format.</summary>
    public static IReadOnlySet<string> LanguageModel(string path) => Cached(path, ReadLanguageModelWords);

    private static IReadOnlySet<string> Cached(string path, Func<string, IReadOnlySet<string>> read)
    {
        var info = new FileInfo(path);
        return Cache.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), key => read(key.Path));
    }

    internal static IReadOnlySet<string> ReadDictionaryWords(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0) continue;
            var word = line[..end];
            var alternative = word.IndexOf('(', StringComparison.Ordinal);
            words.Add(alternative > 0 ? word[..alternative] : word);
        }
        return words;
    }

    internal static IReadOnlySet<string> ReadLanguageModelWords(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[TrieHeader.Length];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read == header.Length && Encoding.ASCII.GetString(header) == TrieHeader) return ReadTrieWords(stream);
        stream.Position = 0;
        return ReadArpaWords(stream)
            ?? throw new InvalidDataException("the language model is neither a sphinxbase trie binary (.lm.bin) nor ARPA text");
    }

    /// <summary>
    /// sphinxbase writes a trie binary as: header, order (1 byte), n-gram counts (uint32 each), the trie,
    /// then the words as one block: its length (int32) and NUL-terminated strings. The trie's size is
    /// not stored, so the block is found from the end: the offset whose length field reaches exactly to
    /// the end of the file and whose block holds as many words as the header counts unigrams.
    /// </summary>
    private static IReadOnlySet<string> ReadTrieWords(FileStream stream)
    {
        Span<byte> countBytes = stackalloc byte[5];
        stream.ReadExactly(countBytes);
        var unigrams = BinaryPrimitives.ReadUInt32LittleEndian(countBytes[1..]);

        var tailLength = (int)Math.Min(stream.Length, TrieTailBytes);
        var tail = new byte[tailLength];
        stream.Position = stream.Length - tailLength;
        stream.ReadExactly(tail);
        for (var offset = tailLength - 4; offset >= 0; offset--)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(tail.AsSpan(offset, 4));
            if (length != tailLength - offset - 4) continue;
            var block = tail.AsSpan(offset + 4);
            if (block.Count((byte)0) != unigrams) continue;
            var words = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in Encoding.UTF8.GetString(block).Split('\0', StringSplitOptions.RemoveEmptyEntries)) words.Add(word);
            return words;
        }
        throw new InvalidDataException("the word list of the trie language model was not found");
    }

    /// <summary>The second field of every line in the <c>\1-grams:</c> section; null when there is none.</summary>
    private static HashSet<string>? ReadArpaWords(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var inUnigrams = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('\\'))
            {
                if (inUnigrams) return words;
                inUnigrams = line.Trim() == "\\1-grams:";
                continue;
            }
            if (!inUnigrams) continue;
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2) words.Add(fields[1]);
        }
        return inUnigrams ? words : null;
    }
}
