namespace Workflow.Api; internal static class Placeholder {}
