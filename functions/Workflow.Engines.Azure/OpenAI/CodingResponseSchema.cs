namespace Workflow.Engines.Azure.OpenAI;

/// <summary>The strict JSON schema the model must answer in (structured outputs: every property required, no others).</summary>
internal static class CodingResponseSchema
{
    public static readonly BinaryData Json = BinaryData.FromString(
        """
        {
          "type": "object",
          "properties": {
            "segments": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "segmentId": { "type": "string" },
                  "codes": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "codeId": { "type": "string" },
                        "confidence": { "type": "number" },
                        "rationale": { "type": "string" },
                        "evidence": { "type": "string" }
                      },
                      "required": ["codeId", "confidence", "rationale", "evidence"],
                      "additionalProperties": false
                    }
                  }
                },
                "required": ["segmentId", "codes"],
                "additionalProperties": false
              }
            }
          },
          "required": ["segments"],
          "additionalProperties": false
        }
        """);
}
