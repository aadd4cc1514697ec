namespace Workflow.Domain.Recordings;

/// <summary>
/// What the participants consented to. Processing requires consent to audio recording and to
/// transcription; quotation and archiving are carried so that exports can honour them.
/// </summary>
public sealed record ConsentFlags(bool Recording, bool Transcription, bool Quotation, bool Archiving)
{
    /// <summary>True when the pipeline may process the recording at all.</summary>
    public bool PermitsProcessing => Recording && Transcription;
}
