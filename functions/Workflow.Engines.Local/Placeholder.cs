namespace Workflow.Engines.Local; internal static class Placeholder {}
