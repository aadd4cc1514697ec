namespace Workflow.Engines.Local.Deidentification;

/// <summary>The deterministic pattern recognizers, which need nothing from the study list.</summary>
public static class PatternRecognizers
{
    /// <summary>One instance of each pattern recognizer, configured from <paramref name="options"/>.</summary>
    public static IReadOnlyList<IIdentifierRecognizer> Create(DeidentificationOptions options) =>
    [
        new EmailRecognizer(),
        new UrlRecognizer(),
        new UkPhoneRecognizer(),
        new UkPostcodeRecognizer(),
        new NhsNumberRecognizer(),
        new DateRecognizer(options.ReferenceYear),
        new AgeRecognizer(),
        new AddressRecognizer(),
        new StreetNameRecognizer(),
        new OtherIdRecognizer(),
        new TitledNameRecognizer(),
    ];
}
