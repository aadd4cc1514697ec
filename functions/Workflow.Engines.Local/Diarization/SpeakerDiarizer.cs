namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Offline speaker diarization of decoded audio: speech regions are cut into windows, each window is
/// described by its cepstral statistics, the windows are clustered bottom-up, the number of speakers is
/// taken from the request or chosen by the silhouette, and a few nearest-centroid passes and a smoothing of
/// isolated flips tidy the result. Pure computation over the PCM file; nothing is logged here.
/// </summary>
internal sealed class SpeakerDiarizer(DiarizationSettings settings)
{
    /// <summary>
    /// Labels the speech in <paramref name="regions"/> of the 16 kHz mono WAV at <paramref name="wavPath"/>.
    /// <paramref name="expectedSpeakers"/> fixes the count when known (1 skips the analysis), unless the audio shows no speaker structure at all.
    /// </summary>
    public SpeakerTimeline Diarize(string wavPath, IReadOnlyList<SpeechRegion> regions, int? expectedSpeakers, CancellationToken cancellationToken)
    {
        if (expectedSpeakers is <= 1 || regions.Count == 0) return SpeakerTimeline.Single;

        var windows = AnalysisWindow.Split(regions, settings.WindowSeconds);
        WindowFeatures?[] features;
        using (var audio = new PcmFile(wavPath))
            features = WindowFeatures.Extract(audio, windows, cancellationToken);
        return Cluster(windows, features, expectedSpeakers, cancellationToken);
    }

    /// <summary>The clustering on features already computed (separate so tests can feed synthetic vectors).</summary>
    public SpeakerTimeline Cluster(IReadOnlyList<AnalysisWindow> windows, IReadOnlyList<WindowFeatures?> features, int? expectedSpeakers, CancellationToken cancellationToken)
    {
        var described = Enumerable.Range(0, windows.Count).Where(i => features[i] is not null).ToList();
        var shaping = described.Where(i => windows[i].Duration >= settings.MinClusteringWindowSeconds).ToList();
        if (shaping.Count < 2) return SpeakerTimeline.Single;

        var vectors = Standardise(features, shaping);
        var sample = EvenSample(shaping, settings.MaxClusteredWindows);
        var dendrogram = AgglomerativeClustering.Build(sample.Select(i => vectors[i]!).ToList(), settings.Linkage);
        cancellationToken.ThrowIfCancellationRequested();

        var most = Math.Min(settings.MaxSpeakers, sample.Count);
        var (count, cut) = expectedSpeakers is { } known
            ? KnownCount(dendrogram, sample, vectors, Math.Clamp(known, 1, most), most)
            : ChooseCount(dendrogram, sample, vectors, most);
        if (count == 1) return SpeakerTimeline.Single;

        var labels = Enumerable.Repeat(-1, windows.Count).ToArray();
        for (var s = 0; s < sample.Count; s++) labels[sample[s]] = cut[s];
        Refine(vectors, labels, shaping, described, count);
        LabelUndescribed(windows, features, labels);
        SmoothIsolatedFlips(windows, labels);
        return new SpeakerTimeline(windows, labels, labels.Distinct().Count());
    }

    private (int Count, int[] Labels) ChooseCount(Dendrogram dendrogram, List<int> sample, double[]?[] vectors, int most)
    {
        var (count, labels, scores) = SpeakerCountCriterion.BySilhouette(dendrogram, sample.Select(i => vectors[i]!).ToList(), settings.Linkage, most);
        LastCountScores = scores;
        return (count, labels);
    }

    /// <summary>
    /// The count the upload's metadata gives, unless no cut up to the most speakers allowed shows any speaker structure (the unknown-count rule): the
    /// metadata counts the people present (participants and interviewer), not the voices recorded, so a
    /// recording of one voice (an interviewer off-microphone, a dictated note) stays one speaker instead
    /// of being split in two by noise.
    /// </summary>
    private (int Count, int[] Labels) KnownCount(Dendrogram dendrogram, List<int> sample, double[]?[] vectors, int known, int most)
    {
        if (known <= 1) return (1, dendrogram.Cut(1));
        var (found, _, scores) = SpeakerCountCriterion.BySilhouette(dendrogram, sample.Select(i => vectors[i]!).ToList(), settings.Linkage, most);
        LastCountScores = scores;
        return found == 1 ? (1, dendrogram.Cut(1)) : (known, dendrogram.Cut(known));
    }

    /// <summary>The silhouette of each k tried at the last count chosen, for the measurement's diagnostics.</summary>
    public IReadOnlyList<double> LastCountScores { get; private set; } = [];

    /// <summary>
    /// z-scores every dimension over the windows that shape the clustering, so no coefficient dominates
    /// by its scale and the file's average voice (and channel) sits at the origin.
    /// </summary>
    private static double[]?[] Standardise(IReadOnlyList<WindowFeatures?> features, IReadOnlyList<int> reference)
    {
        var dimension = features[reference[0]]!.Vector.Length;
        var mean = new double[dimension];
        var deviation = new double[dimension];
        foreach (var i in reference)
            for (var d = 0; d < dimension; d++) mean[d] += features[i]!.Vector[d] / reference.Count;
        foreach (var i in reference)
            for (var d = 0; d < dimension; d++) deviation[d] += Math.Pow(features[i]!.Vector[d] - mean[d], 2) / reference.Count;
        for (var d = 0; d < dimension; d++) deviation[d] = Math.Sqrt(deviation[d]) + 1e-9;

        return features.Select(f => f?.Vector.Select((v, d) => (v - mean[d]) / deviation[d]).ToArray()).ToArray();
    }

    private static List<int> EvenSample(List<int> indices, int most) =>
        indices.Count <= most ? indices : Enumerable.Range(0, most).Select(k => indices[(int)((long)k * indices.Count / most)]).ToList();

    /// <summary>
    /// Nearest-centroid passes: centroids come from the windows that shape the clustering, and every
    /// described window (sampled out, or short) is assigned to the nearest one.
    /// </summary>
    private void Refine(double[]?[] vectors, int[] labels, IReadOnlyList<int> shaping, IReadOnlyList<int> described, int count)
    {
        var dimension = vectors[shaping[0]]!.Length;
        for (var pass = 0; pass <= settings.RefinementPasses; pass++)
        {
            var centroids = new double[count][];
            var sizes = new int[count];
            for (var c = 0; c < count; c++) centroids[c] = new double[dimension];
            // Pass 0 takes centroids from the sampled windows only (the others have no label yet).
            foreach (var i in pass == 0 ? shaping.Where(i => labels[i] >= 0) : shaping)
            {
                sizes[labels[i]]++;
                for (var d = 0; d < dimension; d++) centroids[labels[i]][d] += vectors[i]![d];
            }
            var changed = false;
            foreach (var i in described)
            {
                var nearest = Enumerable.Range(0, count).Where(c => sizes[c] > 0)
                    .MinBy(c => AgglomerativeClustering.Distance(vectors[i]!, Scaled(centroids[c], sizes[c]), settings.Linkage));
                changed |= labels[i] != nearest;
                labels[i] = nearest;
            }
            if (!changed && pass > 0) break;
        }
    }

    private static double[] Scaled(double[] sum, int size) => sum.Select(v => v / size).ToArray();

    /// <summary>Windows too short for a frame take the speaker of the nearest described window in the same region, else in time.</summary>
    private static void LabelUndescribed(IReadOnlyList<AnalysisWindow> windows, IReadOnlyList<WindowFeatures?> features, int[] labels)
    {
        var described = Enumerable.Range(0, windows.Count).Where(i => features[i] is not null).ToList();
        for (var i = 0; i < windows.Count; i++)
        {
            if (features[i] is not null) continue;
            var nearest = described.MinBy(j => (windows[j].Region == windows[i].Region ? 0 : 1, Math.Abs(windows[j].Midpoint - windows[i].Midpoint)));
            labels[i] = labels[nearest];
        }
    }

    /// <summary>
    /// A single window between two windows of the same region that agree with each other is more likely
    /// a noisy estimate than a two-second interjection inside unbroken speech: it takes their speaker.
    /// </summary>
    private static void SmoothIsolatedFlips(IReadOnlyList<AnalysisWindow> windows, int[] labels)
    {
        for (var i = 1; i < windows.Count - 1; i++)
        {
            if (windows[i - 1].Region != windows[i].Region || windows[i + 1].Region != windows[i].Region) continue;
            if (labels[i - 1] == labels[i + 1] && labels[i] != labels[i - 1]) labels[i] = labels[i - 1];
        }
    }
}
