using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Tests.Deidentification;

public class PseudonymRegistryTests
{
    [Fact]
    public void GetOrAssign_NumbersEachKindSeparately_AndIgnoresCaseAndSpacing()
    {
        var registry = new PseudonymRegistry("s");

        Assert.Equal("[PERSON_1]", registry.GetOrAssign(IdentifierKind.Person, "Stuart  Penhale"));
        Assert.Equal("[LOCATION_1]", registry.GetOrAssign(IdentifierKind.Location, "Exeter"));
        Assert.Equal("[PERSON_2]", registry.GetOrAssign(IdentifierKind.Person, "Jacko"));
        Assert.Equal("[PERSON_1]", registry.GetOrAssign(IdentifierKind.Person, "stuart penhale"));
        Assert.True(registry.HasChanges);
    }

    [Fact]
    public void Reload_ContinuesNumberingAfterTheHighestLabel()
    {
        var first = new PseudonymRegistry("s");
        first.GetOrAssign(IdentifierKind.Person, "a");
        first.GetOrAssign(IdentifierKind.Person, "b");

        var reloaded = new PseudonymRegistry("s", first.Entries);

        Assert.False(reloaded.HasChanges);
        Assert.Equal("[PERSON_2]", reloaded.GetOrAssign(IdentifierKind.Person, "b"));
        Assert.Equal("[PERSON_3]", reloaded.GetOrAssign(IdentifierKind.Person, "c"));
    }
}
