using System.Text;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>Audio or a document uploaded under a text extension is refused saying what it really is.</summary>
public class DisguisedFileTests
{
    private static string Refusal(byte[] bytes) =>
        Assert.Throws<TranscriptFormatException>(() => new PlainTextTranscriptImporter().Import("rec-1", new MemoryStream(bytes))).Message;

    private static byte[] Wav()
    {
        var header = new byte[44 + 3200];
        "RIFF"u8.CopyTo(header);
        BitConverter.TryWriteBytes(header.AsSpan(4), header.Length - 8);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BitConverter.TryWriteBytes(header.AsSpan(24), 16000);
        new Random(3).NextBytes(header.AsSpan(44));
        return header;
    }

    [Fact]
    public void AWavNamedAsText_IsCalledWavAudio() =>
        Assert.Equal("The file holds WAV audio, not transcript text; upload it under its real extension.", Refusal(Wav()));

    [Theory]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0x21, 0xFF, 0xFB }, "MP3 audio")]
    [InlineData(new byte[] { 0x4F, 0x67, 0x67, 0x53, 0, 2, 0, 0, 0, 0, 0, 0, 0xC3, 0x28 }, "Ogg audio")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0xFF, 0xFE }, "a zip archive")]
    public void OtherBinaryFormats_AreNamedToo(byte[] bytes, string what) =>
        Assert.Contains(what, Refusal(bytes));

    [Fact]
    public void Utf16TextWithABom_ThatHasNoTurns_IsNotMistakenForMp3()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("no speakers here\n")).ToArray();

        Assert.StartsWith("No speaker turns found", Refusal(bytes));
    }
}
