using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Serialization;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local;

namespace Workflow.Cli;

/// <summary>
/// <c>workflow deidentify FILE [--identifiers LIST.json] [--detectors rules,...] [--out DIR]</c>: reads
/// a transcript (text, WebVTT, TextGrid, DOCX) with the same importers, detectors and merging as the
/// pipeline, and writes the de-identified transcript and the findings as JSON. The findings quote the
/// identifiers, so they are written owner-only and never printed.
/// </summary>
internal static class DeidentifyCommand
{
    private const string Usage = "usage: workflow deidentify FILE [--identifiers LIST.json] [--detectors rules,...] [--out DIR] [--confirm-below 0.9]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || args[0] != "deidentify") return Fail(stderr, Usage);
        var file = args[1];
        string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at > 1 && at + 1 < args.Length ? args[at + 1] : null;
        }
        if (!File.Exists(file)) return Fail(stderr, $"No such file: {file}");
        var outDir = Option("--out") ?? Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (!double.TryParse(Option("--confirm-below") ?? "0.9", System.Globalization.CultureInfo.InvariantCulture, out var confirmBelow))
            return Fail(stderr, "--confirm-below must be a number between 0 and 1.");

        var settings = new Dictionary<string, string?>();
        if (Option("--detectors") is { } detectors) settings["Engines:Deidentification"] = detectors;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IWorkArea>(new WorkArea(Path.Combine(Path.GetTempPath(), "workflow-cli-" + Environment.ProcessId)));
        ServiceProvider provider;
        try
        {
            services.AddLocalEngines(configuration).AddEngineSelection(configuration);
            provider = services.BuildServiceProvider();
        }
        catch (InvalidOperationException e)
        {
            return Fail(stderr, e.Message);
        }

        using (provider)
        {
            try
            {
                var identifiers = Option("--identifiers") is { } listPath ? ReadIdentifiers(listPath) : StudyIdentifierList.Empty("local");
                var importer = provider.GetRequiredService<TranscriptImporterCatalog>().Require(file);
                Transcript transcript;
                await using (var content = File.OpenRead(file)) transcript = importer.Import("local", content);

                var study = new Study("local", "local", [], DateTimeOffset.UtcNow);
                var engine = provider.GetRequiredService<EngineSelection>().Deidentification(study);
                var findings = await engine.FindAsync(transcript, identifiers, CancellationToken.None);
                // Labels only need to be consistent within this run: a throwaway secret.
                var registry = new PseudonymRegistry("local", protector: new EntityKeyProtector(RandomNumberGenerator.GetBytes(32)));
                var result = Pseudonymizer.Apply(transcript, "local", identifiers.Version, findings, registry, confirmBelow);

                Directory.CreateDirectory(outDir);
                var name = Path.GetFileNameWithoutExtension(file);
                var deidentifiedPath = Path.Combine(outDir, name + ".deidentified.json");
                var findingsPath = Path.Combine(outDir, name + ".findings.json");
                await File.WriteAllTextAsync(deidentifiedPath, JsonSerializer.Serialize(result.Transcript, Indented));
                await OwnerOnlyFile.WriteAsync(findingsPath, JsonSerializer.Serialize(findings, Indented), CancellationToken.None);

                await stdout.WriteLineAsync($"{importer.Format}, {transcript.Utterances.Count} turns; detectors: {engine.Name}");
                foreach (var kind in findings.GroupBy(f => f.Kind).OrderBy(g => g.Key))
                    await stdout.WriteLineAsync($"  {kind.Key,-13} {kind.Count(),4} found, {kind.Count(f => f.Confidence < confirmBelow),4} to confirm");
                await stdout.WriteLineAsync($"wrote {deidentifiedPath}");
                await stdout.WriteLineAsync($"wrote {findingsPath} (identifiable: owner-only)");
                return 0;
            }
            catch (Exception e) when (e is TranscriptFormatException or EngineUnavailableException or JsonException or IOException)
            {
                return Fail(stderr, e.Message);
            }
        }
    }

    // Readable files: apostrophes as written, not \u0027.
    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads an identifier list as the API takes it: an array, or <c>{ "identifiers": [...] }</c>.</summary>
    private static StudyIdentifierList ReadIdentifiers(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var array = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("identifiers");
        var entries = JsonSerializer.Deserialize<List<Entry>>(array.GetRawText(), WorkflowJson.Options) ?? [];
        var identifiers = entries.Select((e, i) =>
        {
            if (string.IsNullOrWhiteSpace(e.Text) || e.Kind is null) throw new JsonException($"identifiers[{i}] needs text and kind.");
            return new StudyIdentifier(StudyIdentifier.StableIdFor(e.Kind.Value, e.Text), e.Text.Trim(), e.Kind.Value, e.Aliases ?? []);
        }).ToList();
        return new StudyIdentifierList("local", 1, identifiers);
    }

    private sealed record Entry(string? Text, IdentifierKind? Kind, IReadOnlyList<string>? Aliases);

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        return 2;
    }
}
