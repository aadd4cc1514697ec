using Workflow.Domain.Ports;

namespace Workflow.Engines.Whisper;

/// <summary>Turns a configured or uploaded language (<c>en-GB</c>, <c>EN</c>, <c>auto</c>) into Whisper's language code.</summary>
internal static class WhisperLanguage
{
    /// <summary>Whisper's value for "detect the language".</summary>
    public const string Detect = "auto";

    /// <summary>
    /// The configured language if any, else the recording's; the primary subtag in lower case
    /// (Whisper's codes are ISO 639-1, with no region); <see cref="Detect"/> when neither says.
    /// A language Whisper does not know is refused here, in words, rather than by whisper.cpp.
    /// </summary>
    public static string Choose(string? configured, string? requested, IEnumerable<string> supported)
    {
        var value = !string.IsNullOrWhiteSpace(configured) ? configured : requested;
        if (string.IsNullOrWhiteSpace(value)) return Detect;
        var primary = value.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (primary.Length == 0 || primary == Detect) return Detect;
        if (!supported.Contains(primary, StringComparer.Ordinal))
            throw new EngineUnavailableException(
                $"Whisper does not recognise the language '{value.Trim()}' ({(string.IsNullOrWhiteSpace(configured) ? "the recording's language" : WhisperOptions.SectionName + ":Language")}): use an ISO 639-1 code Whisper knows, or 'auto'.");
        return primary;
    }
}
