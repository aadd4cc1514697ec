using Workflow.Domain.Ports;

namespace Workflow.Engines.Whisper.Tests;

public sealed class GgmlModelFileTests : IDisposable
{
    private readonly ModelFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoModelPath_NamesTheSetting_AndSaysNoModelShips(string? configured)
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(configured));
        Assert.Contains("Engines:Whisper:ModelPath is not set", error.Message);
        Assert.Contains("No Whisper model ships with this product", error.Message);
        Assert.Contains("a ggml Whisper model file such as ggml-base.en.bin", error.Message);
    }

    [Fact]
    public void AMissingFile_IsNamed_WithTheSetting()
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(_files.Missing));
        Assert.Contains($"'{_files.Missing}' does not exist", error.Message);
        Assert.Contains("fix Engines:Whisper:ModelPath", error.Message);
    }

    [Fact]
    public void ATextFile_IsNotAModel()
    {
        var junk = _files.Junk();
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(junk));
        Assert.Contains("is not a complete ggml Whisper model (it does not start with the ggml magic number)", error.Message);
        Assert.Contains("Engines:Whisper:ModelPath", error.Message);
    }

    [Fact]
    public void TheMagicAlone_IsNotAModel_ThoughWhisperCppWouldLoadIt()
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(_files.MagicThenZeros()));
        Assert.Contains("its vocabulary size is not Whisper's", error.Message);
    }

    [Fact]
    public void AnEmptyFile_IsNotAModel()
    {
        var path = Path.Combine(_files.Folder, "empty.bin");
        File.WriteAllBytes(path, []);
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(path));
        Assert.Contains("it does not start with the ggml magic number", error.Message);
    }

    [Fact]
    public void AFileLaidOutAsAModel_Passes_AndTheFullPathIsReturned()
    {
        var path = _files.Complete();
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        Assert.Equal(path, GgmlModelFile.Check(relative));
    }

    [Fact]
    public void AHeaderAlone_IsRefused_BecauseWhisperCppWouldAbortOnIt()
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(_files.HeaderOnly()));
        Assert.Contains("the file ends before its mel filters", error.Message);
    }

    [Fact]
    public void AModelCutOffInsideATensor_IsRefused_AsAnInterruptedDownload()
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(_files.Complete(cut: 1)));
        Assert.Contains("the file ends inside a tensor: it was cut off (an interrupted download?)", error.Message);
    }

    [Fact]
    public void BytesAfterTheLastTensor_AreRefused()
    {
        var error = Assert.Throws<EngineUnavailableException>(() => GgmlModelFile.Check(_files.Complete(extra: [1, 2, 3, 4, 5])));
        Assert.Contains("the file ends inside a tensor header", error.Message);
    }

    [Fact]
    public void ATensorTypeTheCheckDoesNotKnow_IsLeftToWhisperCpp()
    {
        // 12 is a k-quant type: the walk stops there rather than refuse a model whisper.cpp may load.
        Assert.Null(GgmlModelFile.LayoutProblem(File.OpenRead(_files.Complete(cut: 20, lastTensorType: 12))));
    }
}

/// <summary>The layout check against whisper.cpp's own loader: it must never refuse a model the loader accepts.</summary>
public sealed class GgmlModelFileAgainstTheNativeLoaderTests : IDisposable
{
    private readonly ModelFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void AModelWhisperCppLoads_PassesTheLayoutCheck()
    {
        var path = Path.Combine(_files.Folder, "zero-tiny.en.bin");
        ZeroWeightModel.Write(path);

        using (var factory = global::Whisper.net.WhisperFactory.FromPath(path))
        using (factory.CreateBuilder().WithLanguage("en").Build()) { }   // whisper.cpp loads it (it would throw otherwise)

        Assert.Equal(path, GgmlModelFile.Check(path));
    }

    [Fact]
    public void ThatModel_CutShort_IsRefused()
    {
        var path = Path.Combine(_files.Folder, "zero-tiny.en.bin");
        ZeroWeightModel.Write(path);
        using (var file = File.OpenWrite(path)) file.SetLength(file.Length - 4096);

        var error = Assert.Throws<Workflow.Domain.Ports.EngineUnavailableException>(() => GgmlModelFile.Check(path));
        Assert.Contains("it was cut off", error.Message);
    }
}
