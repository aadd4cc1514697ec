using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Tests.Deidentification;

/// <summary>Retiring a withdrawn participant's entities: whom a label stood for goes, the label's number stays taken.</summary>
public class PseudonymRetirementTests
{
    private static readonly EntityKeyProtector Protector = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Retire_ForgetsTheEntity_KeepsItsNumber_AndLeavesOthersAlone()
    {
        var registry = new PseudonymRegistry("s", protector: Protector);
        registry.GetOrAssign(IdentifierKind.Person, "Big Dave");
        registry.GetOrAssign(IdentifierKind.Person, "Jo");

        Assert.True(registry.Retire(IdentifierKind.Person, "big  dave"));

        var reloaded = new PseudonymRegistry("s", registry.Entries, Protector);
        Assert.False(reloaded.HasChanges);
        // The same name seen again is a new person to the study: it gets a fresh label, never the retired one.
        Assert.Equal("[PERSON_3]", reloaded.GetOrAssign(IdentifierKind.Person, "Big Dave"));
        Assert.Equal("[PERSON_2]", reloaded.GetOrAssign(IdentifierKind.Person, "Jo"));
        var retired = Assert.Single(registry.Entries, PseudonymRegistry.IsRetired);
        Assert.Equal("[PERSON_1]", retired.Label);
        Assert.DoesNotContain("dave", retired.EntityKey, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Retire_AnUnknownEntity_ChangesNothing()
    {
        var registry = new PseudonymRegistry("s", protector: Protector);
        registry.GetOrAssign(IdentifierKind.Location, "Exeter");
        var reloaded = new PseudonymRegistry("s", registry.Entries, Protector);

        Assert.False(reloaded.Retire(IdentifierKind.Location, "Truro"));
        Assert.False(reloaded.Retire(IdentifierKind.Person, "Exeter"));
        Assert.False(reloaded.HasChanges);
    }

    [Fact]
    public void ARetiredEntry_SurvivesReloadingWithAProtector_WithoutBeingRekeyed()
    {
        var registry = new PseudonymRegistry("s", protector: Protector);
        registry.GetOrAssign(IdentifierKind.Person, "Tank");
        registry.Retire(IdentifierKind.Person, "Tank");

        var reloaded = new PseudonymRegistry("s", registry.Entries, Protector);

        Assert.False(reloaded.HasChanges);
        Assert.Equal(registry.Entries, reloaded.Entries);
    }
}
