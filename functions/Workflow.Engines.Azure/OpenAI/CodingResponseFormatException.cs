namespace Workflow.Engines.Azure.OpenAI;

/// <summary>The model's answer is not the requested JSON. The message describes the shape only, never the text.</summary>
internal sealed class CodingResponseFormatException(string message) : Exception(message);
