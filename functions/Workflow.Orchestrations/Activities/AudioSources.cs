using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>Makes the <see cref="IAudioSource"/> of a recording's upload; one per activity run.</summary>
public sealed class AudioSources(RawUploadRepository uploads, IWorkArea workArea, TimeProvider time)
{
    public IAudioSource For(RecordingPipelineInput input) => new StoredAudioSource(uploads, workArea, time, input.RecordingId, input.BlobName);
}
