namespace Workflow.Domain; internal static class Placeholder {}
