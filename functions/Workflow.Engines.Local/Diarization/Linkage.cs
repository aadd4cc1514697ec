namespace Workflow.Engines.Local.Diarization;

/// <summary>How the distance between two groups of windows is measured while clustering.</summary>
internal enum Linkage
{
    /// <summary>Mean cosine distance between the groups' members: insensitive to how far a vector is from the file's average voice.</summary>
    AverageCosine,

    /// <summary>Ward's criterion (growth of within-group squared Euclidean error): favours groups of similar size.</summary>
    Ward,
}
