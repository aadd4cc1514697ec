using Workflow.Domain.Studies;

namespace Workflow.Domain.Tests.Studies;

public class ParticipantIdsTests
{
    [Theory]
    [InlineData("P017", true)]
    [InlineData("FG2", true)]
    [InlineData("SU104b", true)]
    [InlineData("17", true)]
    [InlineData("Darren", false)]
    [InlineData("Darren1", false)]
    [InlineData("P-017", false)]
    [InlineData("P017\n", false)]
    [InlineData("", false)]
    public void DefaultPattern_AcceptsCodes_AndRefusesNames(string id, bool valid) =>
        Assert.Equal(valid, ParticipantIds.IsValid(id, null));

    [Theory]
    [InlineData("^P[0-9]{3}$", null)]
    [InlineData("P[0-9]{3}", "anchored")]
    [InlineData("^[A-Za-z]+[0-9]*$", "plain name")]
    [InlineData("^(unclosed$", "not a valid regular expression")]
    public void CheckPattern_ExplainsWhatIsWrong(string pattern, string? problem)
    {
        var result = ParticipantIds.CheckPattern(pattern);
        if (problem is null) Assert.Null(result);
        else Assert.Contains(problem, result);
    }

    [Fact]
    public void ACatastrophicPattern_TimesOutAsInvalid_InsteadOfHanging() =>
        Assert.False(ParticipantIds.IsValid(new string('a', 30) + "!", "^(a+)+$"));
}
