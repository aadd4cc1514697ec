using Workflow.Domain.Deidentification;
using Xunit;

namespace Workflow.Domain.Tests.Deidentification;

public sealed class IdentifierLinkingTests
{
    private static StudyIdentifier Listed(string text, IdentifierKind kind = IdentifierKind.Person, params string[] aliases) =>
        new(StudyIdentifier.StableIdFor(kind, text), text, kind, aliases);

    private static readonly StudyIdentifierList List = new("s1", 4, [
        Listed("Kevin Ashby", IdentifierKind.Person, "Kevin"),
        Listed("Dave Pickering"),
        Listed("Harbour Project", IdentifierKind.Organization, "the Harbour"),
    ]) { NotIdentifying = ["big dave"] };

    [Fact]
    public void VariantsOfAListedPerson_BecomeItsAliases_AndItKeepsItsId()
    {
        var result = IdentifierLinking.Link(List, ["Kev", "kevin", "Kev"], IdentifierKind.Person, 5);

        Assert.Null(result.Problem);
        var kevin = Assert.Single(result.List!.Identifiers, i => i.Text == "Kevin Ashby");
        Assert.Equal(List.Identifiers[0].Id, kevin.Id);
        Assert.Equal(["Kevin", "Kev"], kevin.Aliases);
        Assert.Equal(5, result.List.Version);
        Assert.Equal(3, result.List.Identifiers.Count);
    }

    [Fact]
    public void TwoListedEntries_AreMergedIntoTheFirst_AndANotIdentifyingMarkOnALinkedTextGoes()
    {
        var result = IdentifierLinking.Link(List, ["Dave Pickering", "Big Dave", "Kevin"], IdentifierKind.Person, 5);

        // "Kevin" belongs to Kevin Ashby, listed first: Dave Pickering is merged into that entry.
        var merged = Assert.Single(result.Absorbed);
        Assert.Equal("Dave Pickering", merged.Text);
        var entity = result.Entity!;
        Assert.Equal("Kevin Ashby", entity.Text);
        Assert.Equal(["Kevin", "Dave Pickering", "Big Dave"], entity.Aliases);
        Assert.DoesNotContain(result.List!.Identifiers, i => i.Text == "Dave Pickering");
        Assert.Empty(result.List.NotIdentifying);
        Assert.Equal(["id:" + entity.Id, "id:" + merged.Id, "Dave Pickering", "Big Dave", "Kevin"], IdentifierLinking.LabelSources(result, ["Dave Pickering", "Big Dave", "Kevin"]));
    }

    [Fact]
    public void TextsOnNoEntry_BecomeANewEntry_NamedByTheFirst()
    {
        var result = IdentifierLinking.Link(List, ["Tank", "Big T"], IdentifierKind.Person, 5);

        var entity = Assert.Single(result.List!.Identifiers, i => i.Text == "Tank");
        Assert.Equal(StudyIdentifier.StableIdFor(IdentifierKind.Person, "Tank"), entity.Id);
        Assert.Equal(["Big T"], entity.Aliases);
        Assert.Empty(result.Absorbed);
    }

    [Fact]
    public void ALinkTheListAlreadyHolds_ChangesNothing()
    {
        var result = IdentifierLinking.Link(List, ["Kevin Ashby", "KEVIN"], IdentifierKind.Person, 5);

        Assert.Null(result.List);
        Assert.Null(result.Problem);
        Assert.Equal("Kevin Ashby", result.Entity!.Text);
    }

    [Fact]
    public void ATextListedAsAnotherKind_IsAConflict()
    {
        var result = IdentifierLinking.Link(List, ["the harbour", "Harbour"], IdentifierKind.Person, 5);

        Assert.Null(result.List);
        Assert.Contains("is on the study's list as Organization, not Person", result.Problem);
    }

    [Theory]
    [InlineData(new[] { "Kev" }, "at least two")]
    [InlineData(new[] { "Kev", " kev " }, "must differ")]
    [InlineData(new[] { "Kev", "" }, "texts[1]")]
    [InlineData(new[] { "Kev", "a\nb" }, "texts[1]")]
    public void BadRequests_SayWhy(string[] texts, string problem) =>
        Assert.Contains(IdentifierLinking.Validate(texts), e => e.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void TheRegistry_GivesALinkedEntityTheFirstLabelFound_AndNeverMovesALabelItHas()
    {
        var registry = new PseudonymRegistry("s1", protector: new EntityKeyProtector(new byte[32]));
        var kev = registry.GetOrAssign(IdentifierKind.Person, "kev");
        var kevin = registry.GetOrAssign(IdentifierKind.Person, "kevin");

        Assert.Equal(kev, registry.Link(IdentifierKind.Person, "id:sid-new", ["id:sid-none", "Kev", "Kevin"]));
        Assert.Equal(kev, registry.GetOrAssign(IdentifierKind.Person, "id:sid-new"));
        // Already labelled: it keeps its label whatever it is linked to.
        Assert.Equal(kevin, registry.Link(IdentifierKind.Person, "kevin", ["kev"]));
        Assert.Null(registry.Link(IdentifierKind.Person, "id:sid-other", ["nobody"]));
        // The next new person still gets a number of their own.
        Assert.Equal("[PERSON_3]", registry.GetOrAssign(IdentifierKind.Person, "someone else"));
    }
}
