namespace Workflow.Storage; internal static class Placeholder {}
