using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Tests.Deidentification;

public class EntityKeyProtectorTests
{
    private static readonly byte[] SecretA = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] SecretB = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void ProtectedKeys_AreKeyedHashes_ThatDependOnTheSecretAndKind()
    {
        var a = new EntityKeyProtector(SecretA);
        var key = a.Protect(IdentifierKind.Person, "dave pickering");
        Assert.StartsWith(EntityKeyProtector.Prefix, key);
        Assert.DoesNotContain("dave", key);
        Assert.Equal(key, a.Protect(IdentifierKind.Person, "dave pickering"));
        Assert.NotEqual(key, new EntityKeyProtector(SecretB).Protect(IdentifierKind.Person, "dave pickering"));
        Assert.NotEqual(key, a.Protect(IdentifierKind.Location, "dave pickering"));
        Assert.Equal(key, a.Protect(IdentifierKind.Person, key));
    }

    [Fact]
    public void ShortSecrets_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new EntityKeyProtector(new byte[16]));

    [Fact]
    public void ARegistryWithAProtector_StoresNoClearKeys_AndGivesTheSameLabels()
    {
        var registry = new PseudonymRegistry("s1", protector: new EntityKeyProtector(SecretA));
        var label = registry.GetOrAssign(IdentifierKind.Person, "Dave  Pickering");

        Assert.Equal("[PERSON_1]", label);
        Assert.Equal(label, registry.GetOrAssign(IdentifierKind.Person, "dave pickering"));
        Assert.All(registry.Entries, e => Assert.True(EntityKeyProtector.IsProtected(e.EntityKey)));
        Assert.DoesNotContain(registry.Entries, e => e.EntityKey.Contains("dave"));
    }

    [Fact]
    public void AnOlderRegistryWithClearKeys_IsReKeyedOnLoad_KeepingEveryLabel()
    {
        var old = new[] { new PseudonymEntry(IdentifierKind.Person, "dave pickering", "[PERSON_4]"), new PseudonymEntry(IdentifierKind.Location, "gateshead", "[LOCATION_2]") };

        var registry = new PseudonymRegistry("s1", old, new EntityKeyProtector(SecretA));

        Assert.True(registry.HasChanges);
        Assert.Equal("[PERSON_4]", registry.GetOrAssign(IdentifierKind.Person, "Dave Pickering"));
        Assert.Equal("[LOCATION_2]", registry.GetOrAssign(IdentifierKind.Location, "gateshead"));
        Assert.Equal("[PERSON_5]", registry.GetOrAssign(IdentifierKind.Person, "someone new"));
        Assert.All(registry.Entries, e => Assert.True(EntityKeyProtector.IsProtected(e.EntityKey)));
    }
}
