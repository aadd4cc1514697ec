using Workflow.Domain.Studies;

namespace Workflow.Domain.Tests.Studies;

public class StudyIdsTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("drug-treatment-ui-2006")]
    [InlineData("2006-study")]
    [InlineData("a-")]
    public void IsValid_SafeId_IsTrue(string id) => Assert.True(StudyIds.IsValid(id));

    [Fact]
    public void IsValid_SixtyThreeCharacters_IsTrue() => Assert.True(StudyIds.IsValid(new string('a', 63)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-study")]
    [InlineData("Study")]
    [InlineData("drug treatment")]
    [InlineData("drug_treatment")]
    [InlineData("study/../other")]
    [InlineData("étude")]
    [InlineData("study\n")]
    [InlineData("ab\n")]
    public void IsValid_UnsafeId_IsFalse(string? id) => Assert.False(StudyIds.IsValid(id));

    [Fact]
    public void IsValid_SixtyFourCharacters_IsFalse() => Assert.False(StudyIds.IsValid(new string('a', 64)));

    [Theory]
    [InlineData("Drug Treatment UI 2006", "drug-treatment-ui-2006")]
    [InlineData("  Drug   Treatment -- UI ", "drug-treatment-ui")]
    [InlineData("Carers' Voices (North)", "carers-voices-north")]
    [InlineData("Café Study", "caf-study")]
    [InlineData("A", "study-a")]
    [InlineData("!!!", "study-")]
    public void FromName_DisplayName_GivesASafeSlug(string name, string expected)
    {
        var id = StudyIds.FromName(name);

        Assert.Equal(expected, id);
        Assert.True(StudyIds.IsValid(id));
    }

    [Fact]
    public void FromName_LongName_IsCutTo63CharactersWithoutATrailingHyphen()
    {
        var name = string.Join(' ', Enumerable.Repeat("abcdefgh", 10)); // word boundaries at every 9th character

        var id = StudyIds.FromName(name);

        Assert.True(id.Length <= 63);
        Assert.False(id.EndsWith('-'));
        Assert.True(StudyIds.IsValid(id));
        Assert.StartsWith("abcdefgh-abcdefgh-", id);
    }
}
