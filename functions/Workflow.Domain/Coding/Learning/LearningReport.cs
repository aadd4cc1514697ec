namespace Workflow.Domain.Coding.Learning;

/// <summary>Why a code has no classifier yet; <see cref="None"/> when it has one.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<NotLearntReason>))]
public enum NotLearntReason
{
    None,
    TooFewPositives,
    TooFewNegatives,
    TooFewPositivesAndNegatives,
}

/// <summary>
/// One code as the learning coder sees it: its examples, whether its classifier is switched on, and,
/// when it is, its threshold and how its out-of-fold calls agreed with the coders' (precision, recall,
/// F1 and Cohen's kappa; null where undefined, e.g. kappa when every call was the same).
/// </summary>
public sealed record CodeLearning(string CodeId, int Positives, int Negatives, bool SwitchedOn, NotLearntReason NotLearnt,
    double? Threshold, double? Precision, double? Recall, double? F1, double? Kappa);

/// <summary>
/// One point of a study's learning curve, taken each time its classifiers are trained: counts and
/// figures only (no text, codes not even named), so it can live beside the de-identified data.
/// <see cref="MeanKappa"/> is over the switched-on codes whose out-of-fold kappa is defined; null when none is.
/// </summary>
public sealed record LearningCurvePoint(DateTimeOffset TrainedAt, int CodebookVersion, int Examples, int CodesSwitchedOn, int Codes, double? MeanKappa);

/// <summary>What the learning coder has learnt for a study's codebook version: the study-level point and every code.</summary>
public sealed record LearningReport(string StudyId, int CodebookVersion, int MinPositives, int MinNegatives, LearningCurvePoint Point, IReadOnlyList<CodeLearning> Codes)
{
    /// <summary>
    /// The report of freshly trained classifiers. Pure: it reads the figures the training kept (the
    /// out-of-fold table at the chosen threshold), it does not train or score again.
    /// </summary>
    public static LearningReport From(string studyId, int codebookVersion, CodeClassifiers classifiers, ClassifierTraining training, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(classifiers);
        ArgumentNullException.ThrowIfNull(training);
        var codes = classifiers.Counts.Select(c => Row(c.Key, c.Value, classifiers.ByCode.GetValueOrDefault(c.Key), training)).ToList();
        var kappas = codes.Where(c => c.SwitchedOn && c.Kappa.HasValue).Select(c => c.Kappa!.Value).ToList();
        var point = new LearningCurvePoint(trainedAt, codebookVersion, classifiers.Examples, classifiers.ByCode.Count, codes.Count,
            kappas.Count == 0 ? null : Math.Round(kappas.Average(), 4));
        return new LearningReport(studyId, codebookVersion, training.MinPositives, training.MinNegatives, point, codes);
    }

    private static CodeLearning Row(string codeId, CodeExampleCounts counts, CodeClassifier? classifier, ClassifierTraining training)
    {
        if (classifier is null)
        {
            var (fewPositives, fewNegatives) = (counts.Positives < training.MinPositives, counts.Negatives < training.MinNegatives);
            var reason = fewPositives && fewNegatives ? NotLearntReason.TooFewPositivesAndNegatives
                : fewPositives ? NotLearntReason.TooFewPositives : NotLearntReason.TooFewNegatives;
            return new CodeLearning(codeId, counts.Positives, counts.Negatives, false, reason, null, null, null, null, null);
        }
        var o = classifier.OutOfFold;
        return new CodeLearning(codeId, counts.Positives, counts.Negatives, true, NotLearntReason.None, Math.Round(classifier.Threshold, 4),
            Round(o.Precision), Round(o.Recall), Round(o.F1), Round(o.Kappa));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
