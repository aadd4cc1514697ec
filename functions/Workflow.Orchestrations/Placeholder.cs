namespace Workflow.Orchestrations; internal static class Placeholder {}
