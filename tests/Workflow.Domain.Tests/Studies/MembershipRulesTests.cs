using Workflow.Domain.Studies;

namespace Workflow.Domain.Tests.Studies;

public class MembershipRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" padded")]
    [InlineData("line\nbreak")]
    [InlineData("Jane Smith")]
    [InlineData("o'brien/team#2")]
    public void UnusableUserIds_AreRefused(string? userId) => Assert.NotNull(MembershipRules.CheckUserId(userId));

    [Fact]
    public void AnOverlongUserId_IsRefused() =>
        Assert.Contains("longer than", MembershipRules.CheckUserId(new string('a', MembershipRules.MaxUserIdLength + 1)));

    [Theory]
    [InlineData("coder@example.org")]
    [InlineData("7f1c2c8e-1f2a-4a43-9a55-1f0c2a7b9d10")]
    [InlineData("j.smith+research@nhs.example.uk")]
    public void OrdinaryUserIds_AreAccepted(string userId) => Assert.Null(MembershipRules.CheckUserId(userId));

    [Fact]
    public void Roles_AreCanonicalised_AndDeduplicated()
    {
        var (roles, errors) = MembershipRules.ParseRoles(["coder", "CODER", " interviewer "]);
        Assert.Empty(errors);
        Assert.Equal([StudyRoles.Coder, StudyRoles.Interviewer], roles);
    }

    [Fact]
    public void UnknownOrNoRoles_AreErrors()
    {
        Assert.Contains("'Admin' is not a study role", MembershipRules.ParseRoles(["Admin"]).Errors.Single());
        Assert.Contains("at least one", MembershipRules.ParseRoles([]).Errors.Single());
        Assert.Contains("at least one", MembershipRules.ParseRoles(null).Errors.Single());
    }

    [Fact]
    public void ALead_ManagesInterviewersAndCoders_ButNotLeads()
    {
        Assert.Null(MembershipRules.CheckChange(false, null, [StudyRoles.Coder]));
        Assert.Null(MembershipRules.CheckChange(false, [StudyRoles.Coder], [StudyRoles.Coder, StudyRoles.Interviewer]));
        Assert.Null(MembershipRules.CheckChange(false, [StudyRoles.Coder], null));
        Assert.Null(MembershipRules.CheckChange(false, [StudyRoles.Lead], [StudyRoles.Lead, StudyRoles.Coder]));
        Assert.Equal("Only an administrator can make someone a lead.", MembershipRules.CheckChange(false, [StudyRoles.Coder], [StudyRoles.Lead]));
        Assert.Equal("Only an administrator can remove a lead.", MembershipRules.CheckChange(false, [StudyRoles.Lead], null));
        Assert.Equal("Only an administrator can remove a lead.", MembershipRules.CheckChange(false, [StudyRoles.Lead, StudyRoles.Coder], [StudyRoles.Coder]));
    }

    [Fact]
    public void AnAdministrator_MayMakeAndUnmakeLeads()
    {
        Assert.Null(MembershipRules.CheckChange(true, null, [StudyRoles.Lead]));
        Assert.Null(MembershipRules.CheckChange(true, [StudyRoles.Lead], null));
    }
}
