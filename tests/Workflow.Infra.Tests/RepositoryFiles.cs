using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Tests.Shared;

namespace Workflow.Infra.Tests;

/// <summary>The repository files these tests read.</summary>
public static class RepositoryFiles
{
    public static string Root => EvalData.RepositoryRoot;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative)
    {
        var path = PathOf(relative);
        return File.Exists(path) ? File.ReadAllText(path) : throw new FileNotFoundException($"{relative} is missing from the repository.", path);
    }

    /// <summary>Parses a JSON file (comments and trailing commas refused, as the Functions host and ARM are strict enough).</summary>
    public static JsonNode ReadJson(string relative) =>
        JsonNode.Parse(Read(relative), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })
        ?? throw new InvalidDataException($"{relative} is empty JSON.");
}
