using Workflow.Composition;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>The offline de-identification a study gets by default: its list beside the pattern rules, merged.</summary>
internal static class Deidentifiers
{
    public static CompositeDeidentificationEngine Local() => new(new StudyListDetector(), [new RuleBasedDeidentificationEngine()]);
}
