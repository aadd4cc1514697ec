using System.Runtime.CompilerServices;

// The output parser, utterance builder and process runner are internal; their unit tests live beside the adapters' tests.
[assembly: InternalsVisibleTo("Workflow.Engines.Local.Tests")]
