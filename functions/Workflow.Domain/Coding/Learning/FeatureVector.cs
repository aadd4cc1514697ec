namespace Workflow.Domain.Coding.Learning;

/// <summary>
/// One segment as a classifier reads it: a dense part (a sentence embedding, unit length) and a sparse
/// part (hashed word and word-pair counts, see <see cref="LexicalFeatures"/>), indices ascending and
/// below <see cref="LexicalFeatures.Buckets"/>. Either part may be empty.
/// </summary>
public sealed record FeatureVector(float[] Dense, int[] SparseIndices, float[] SparseValues)
{
    public FeatureVector(float[] dense) : this(dense, [], []) { }
}
