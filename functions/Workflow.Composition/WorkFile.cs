using Workflow.Domain.Ports;

namespace Workflow.Composition;

/// <summary>A file in a private work folder of its own; disposing deletes the folder with it.</summary>
public sealed class WorkFile(IWorkFolder folder, string fileName) : IWorkFile
{
    public string Path { get; } = System.IO.Path.Combine(folder.Path, fileName);

    public ValueTask DisposeAsync() => folder.DisposeAsync();
}
