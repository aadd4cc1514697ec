using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Deidentification;
using Workflow.Tests.Shared;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// Floors for the rules + names engines on the development data, scored as scripts/deid-eval.sh does
/// (<see cref="DeidScoring"/>). Measured when written: dev interviews with only services and places listed,
/// PERSON recall 1.00 (27/27), all-types recall 1.00 (94/94), precision 1.00 (94/94); Presidio synthetic
/// with no list, PERSON recall 0.97 (411/422). The floors sit a little below so a regression fails; the dev
/// set is small (27 people), so one lost name moves recall by 0.04.
/// </summary>
public class NameAndPlaceEvalTests(ITestOutputHelper output)
{
    [EvalFact]
    public async Task DevInterviews_ServicesAndPlacesListed_FindNearlyEveryPerson()
    {
        var documents = DeidScoring.DevInterviews();
        var findings = await DeidScoring.FindAsync(documents, Engines(), ["ORGANIZATION", "LOCATION"]);
        var score = DeidScoring.Evaluate(documents, findings);
        var person = score.ByKind[IdentifierKind.Person];
        output.WriteLine($"PERSON recall {person.RecallTyped:0.00} ({person.FoundTyped}/{person.Labels}); all recall {score.All.RecallAny:0.00}; precision {score.All.PrecisionAny:0.00}");
        Assert.True(person.RecallTyped >= 0.96, $"PERSON recall {person.RecallTyped:0.00} below 0.96");
        Assert.True(score.All.RecallAny >= 0.97, $"all-types recall {score.All.RecallAny:0.00} below 0.97");
        Assert.True(score.All.PrecisionAny >= 0.92, $"precision {score.All.PrecisionAny:0.00} below 0.92");
    }

    [EvalFact]
    public async Task DevInterviews_NoList_StillFindMostIdentifiers()
    {
        var documents = DeidScoring.DevInterviews();
        var score = DeidScoring.Evaluate(documents, await DeidScoring.FindAsync(documents, Engines(), []));
        output.WriteLine($"all recall {score.All.RecallAny:0.00}; precision {score.All.PrecisionAny:0.00}");
        Assert.True(score.All.RecallAny >= 0.92, $"all-types recall {score.All.RecallAny:0.00} below 0.92");
        Assert.True(score.All.PrecisionAny >= 0.9, $"precision {score.All.PrecisionAny:0.00} below 0.9");
    }

    [EvalFact]
    public async Task PresidioSynthetic_NoList_FindsPeople()
    {
        var documents = DeidScoring.Presidio();
        var score = DeidScoring.Evaluate(documents, await DeidScoring.FindAsync(documents, Engines(), []));
        var person = score.ByKind[IdentifierKind.Person];
        output.WriteLine($"PERSON recall {person.RecallTyped:0.00} ({person.FoundTyped}/{person.Labels}); precision (any type) {score.All.PrecisionAny:0.00}");
        Assert.True(person.RecallTyped >= 0.94, $"PERSON recall {person.RecallTyped:0.00} below 0.94");
        Assert.True(score.All.PrecisionAny >= 0.9, $"precision {score.All.PrecisionAny:0.00} below 0.9");
    }

    private static IDeidentificationEngine[] Engines() =>
        [new StudyListDetector(), new RuleBasedDeidentificationEngine(), new NameAndPlaceDeidentificationEngine()];
}
