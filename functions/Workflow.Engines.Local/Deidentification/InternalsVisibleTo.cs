using System.Runtime.CompilerServices;

// The de-identification benchmark (bench/Workflow.DeidEval) times gazetteer loading and scores detectors one by one.
[assembly: InternalsVisibleTo("Workflow.DeidEval")]
