namespace Workflow.Domain.Deidentification;

/// <summary>
/// A study's pseudonym key: gives every entity a stable label such as <c>[PERSON_3]</c>, so the same
/// person carries the same label in every transcript of the study. Labels are numbered per kind in
/// order of first assignment and never reused. The key is identifiable material.
/// </summary>
public sealed class PseudonymRegistry
{
    private readonly Dictionary<(IdentifierKind Kind, string Key), PseudonymEntry> _entries = new();
    private readonly Dictionary<IdentifierKind, int> _lastNumber = new();

    public PseudonymRegistry(string studyId, IEnumerable<PseudonymEntry>? entries = null)
    {
        StudyId = studyId;
        foreach (var entry in entries ?? [])
        {
            _entries[(entry.Kind, entry.EntityKey)] = entry;
            _lastNumber[entry.Kind] = Math.Max(_lastNumber.GetValueOrDefault(entry.Kind), NumberOf(entry.Label));
        }
    }

    public string StudyId { get; }

    /// <summary>All entries in assignment order per kind.</summary>
    public IReadOnlyList<PseudonymEntry> Entries =>
        _entries.Values.OrderBy(e => e.Kind).ThenBy(e => NumberOf(e.Label)).ToList();

    /// <summary>True when a label was assigned since the registry was loaded (so it must be saved).</summary>
    public bool HasChanges { get; private set; }

    /// <summary>The entity's label, assigning the next free number of its kind on first sight.</summary>
    public string GetOrAssign(IdentifierKind kind, string entityKey)
    {
        var key = (kind, Normalize(entityKey));
        if (_entries.TryGetValue(key, out var existing)) return existing.Label;
        var number = _lastNumber.GetValueOrDefault(kind) + 1;
        _lastNumber[kind] = number;
        var entry = new PseudonymEntry(kind, key.Item2, $"[{kind.Label()}_{number}]");
        _entries[key] = entry;
        HasChanges = true;
        return entry.Label;
    }

    /// <summary>Entity keys compare without case or surrounding/duplicated whitespace.</summary>
    public static string Normalize(string entityKey) =>
        string.Join(' ', entityKey.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static int NumberOf(string label)
    {
        var underscore = label.LastIndexOf('_');
        return underscore >= 0 && int.TryParse(label.AsSpan(underscore + 1, label.Length - underscore - 2), out var n) ? n : 0;
    }
}
