using Workflow.Domain.Studies;

namespace Workflow.Domain.Tests.Studies;

public class StudyAccessTests
{
    private static StudyMember Member(params string[] roles) => new("s1", "u1", roles, "admin", DateTimeOffset.UnixEpoch);

    [Fact]
    public void AMemberWithAnAllowedRole_IsAllowed() =>
        Assert.Equal(StudyAccessOutcome.Allowed, StudyAccess.Decide([StudyRoles.Coder, StudyRoles.Lead], false, false, Member(StudyRoles.Coder)));

    [Fact]
    public void AMemberWithoutTheRole_IsForbidden() =>
        Assert.Equal(StudyAccessOutcome.Forbidden, StudyAccess.Decide([StudyRoles.Lead], false, false, Member(StudyRoles.Coder, StudyRoles.Interviewer)));

    [Fact]
    public void ANonMember_IsHidden_NotMerelyForbidden() =>
        Assert.Equal(StudyAccessOutcome.Hidden, StudyAccess.Decide([StudyRoles.Lead], false, false, null));

    [Fact]
    public void AnAdministrator_IsAllowedOnlyWhereAdministratorsAre()
    {
        Assert.Equal(StudyAccessOutcome.Allowed, StudyAccess.Decide([StudyRoles.Lead], true, true, null));
        // Administrators see every study's name, so hiding its existence from them would be pointless.
        Assert.Equal(StudyAccessOutcome.Forbidden, StudyAccess.Decide([StudyRoles.Lead], false, true, null));
    }

    [Fact]
    public void RoleNames_AreMatchedWithoutRegardToCase() =>
        Assert.Equal(StudyAccessOutcome.Allowed, StudyAccess.Decide([StudyRoles.Lead], false, false, Member("lead")));
}
