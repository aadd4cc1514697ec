namespace Workflow.Domain.Deidentification;

/// <summary>
/// A study's pseudonym key: gives every entity a stable label such as <c>[PERSON_3]</c>, so the same
/// person carries the same label in every transcript of the study. Labels are numbered per kind in
/// order of first assignment and never reused. With a <see cref="EntityKeyProtector"/> (how the
/// repository builds it), entity keys are stored only as keyed hashes; clear keys of a registry saved
/// before that are re-keyed on load, keeping their labels.
/// </summary>
public sealed class PseudonymRegistry
{
    private readonly Dictionary<(IdentifierKind Kind, string Key), PseudonymEntry> _entries = new();
    private readonly Dictionary<IdentifierKind, int> _lastNumber = new();

    private readonly EntityKeyProtector? _protector;

    public PseudonymRegistry(string studyId, IEnumerable<PseudonymEntry>? entries = null, EntityKeyProtector? protector = null)
    {
        StudyId = studyId;
        _protector = protector;
        foreach (var stored in entries ?? [])
        {
            var entry = stored;
            if (protector is not null && !EntityKeyProtector.IsProtected(entry.EntityKey) && !IsRetired(entry))
            {
                entry = entry with { EntityKey = protector.Protect(entry.Kind, entry.EntityKey) };
                HasChanges = true;
            }
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
        var normalized = Normalize(entityKey);
        var key = (kind, _protector?.Protect(kind, normalized) ?? normalized);
        if (_entries.TryGetValue(key, out var existing)) return existing.Label;
        var number = _lastNumber.GetValueOrDefault(kind) + 1;
        _lastNumber[kind] = number;
        var entry = new PseudonymEntry(kind, key.Item2, $"[{kind.Label()}_{number}]");
        _entries[key] = entry;
        HasChanges = true;
        return entry.Label;
    }

    /// <summary>
    /// Gives <paramref name="entityKey"/> the label of the first of <paramref name="labelSources"/> that
    /// has one, so entities a lead linked share one pseudonym. Nothing changes when the entity has a
    /// label already (it keeps it: labels never move) or no source has one (it is assigned on first sight).
    /// Returns the label the entity now has, or null.
    /// </summary>
    public string? Link(IdentifierKind kind, string entityKey, IEnumerable<string> labelSources)
    {
        var key = KeyOf(kind, entityKey);
        if (_entries.TryGetValue(key, out var own)) return own.Label;
        foreach (var source in labelSources)
        {
            if (!_entries.TryGetValue(KeyOf(kind, source), out var found) || IsRetired(found)) continue;
            _entries[key] = found with { EntityKey = key.Key };
            HasChanges = true;
            return found.Label;
        }
        return null;
    }

    private (IdentifierKind Kind, string Key) KeyOf(IdentifierKind kind, string entityKey)
    {
        var normalized = Normalize(entityKey);
        return (kind, _protector?.Protect(kind, normalized) ?? normalized);
    }

    /// <summary>Key of a retired entry: it names nobody, but keeps its label's number from being given again.</summary>
    private const string RetiredPrefix = "retired:";

    public static bool IsRetired(PseudonymEntry entry) => entry.EntityKey.StartsWith(RetiredPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Forgets whom an entry stood for (a withdrawn participant's people and places): the entity key
    /// goes, the label stays as a retired placeholder, so its number is never reused for someone else
    /// (earlier exports may still show it). False when the entity had no entry.
    /// </summary>
    public bool Retire(IdentifierKind kind, string entityKey)
    {
        var normalized = Normalize(entityKey);
        var key = (kind, _protector?.Protect(kind, normalized) ?? normalized);
        if (!_entries.Remove(key, out var entry)) return false;
        var retired = entry with { EntityKey = RetiredPrefix + entry.Label };
        _entries[(kind, retired.EntityKey)] = retired;
        HasChanges = true;
        return true;
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
