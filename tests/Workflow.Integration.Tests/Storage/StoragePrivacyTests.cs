using Azure.Storage.Blobs;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using Workflow.Storage.Configuration;
using Workflow.Storage.Documents;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// Identifiable text must never reach the de-identified account. Locally both accounts are one
/// Azurite, so the split rests on container names: these tests check that the names are disjoint and
/// that the identifiable documents are written only to identifiable containers.
/// </summary>
public class StoragePrivacyTests
{
    private static readonly BlobServiceClient Blobs = new(Azurite.ConnectionString);

    [Fact]
    public async Task EnsureCreatedAsync_DeidentifiedContainers_AreDistinctFromIdentifiableOnesAndExist()
    {
        await Azurite.StoresAsync();

        Assert.Empty(StorageNames.DeidentifiedContainers.Intersect(StorageNames.IdentifiableContainers, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(StorageNames.DeidentifiedContainers.Length, StorageNames.DeidentifiedContainers.Distinct().Count());
        foreach (var name in StorageNames.IdentifiableContainers.Concat(StorageNames.DeidentifiedContainers))
            Assert.True((await Blobs.GetBlobContainerClient(name).ExistsAsync()).Value, $"container '{name}' was not created");
    }

    [Fact]
    public async Task RecordingDocuments_IdentifiableTranscriptAndRedactionKey_AreWrittenOnlyToIdentifiableContainers()
    {
        var documents = (await Azurite.StoresAsync()).Documents;
        var study = Azurite.UniqueStudyId("priv");
        var recording = NewRecordingId();
        var marker = "Quillfeather" + Guid.NewGuid().ToString("N")[..8];
        var original = $"I went to see Dr {marker} on Monday.";
        var pseudonymised = "I went to see Dr [PERSON_1] on Monday.";

        await documents.SaveTranscriptAsync(study, new Transcript(recording, "test", [Utterance.Untimed(0, "P001", original)]), CancellationToken.None);
        await documents.SaveDeidentificationRecordAsync(study, new DeidentificationRecord(recording, 1,
            [new IdentifierFinding(0, 17, 17 + marker.Length, IdentifierKind.Person, marker, marker.ToLowerInvariant(), 0.9, "test")],
            [new RedactionKeyEntry("red-1", 0, 17, 17 + marker.Length, marker)]), CancellationToken.None);
        // The de-identified documents of the same recording, so the scan below has something to inspect there.
        await documents.SaveDeidentifiedAsync(new DeidentifiedTranscript(recording, study, 1, [Utterance.Untimed(0, "P001", pseudonymised)],
            [new Redaction("red-1", 0, 17, 27, IdentifierKind.Person, "[PERSON_1]", 0.9, "test", false)]), CancellationToken.None);
        await documents.SaveCodingAsync(study, new CodingRecord(recording, 1, "test",
            [new Segment("s1", 0, 0, pseudonymised.Length, "P001", pseudonymised, true)], []), CancellationToken.None);

        var withMarker = new List<string>();
        var deidentifiedSeen = new List<string>();
        foreach (var name in StorageNames.IdentifiableContainers.Concat(StorageNames.DeidentifiedContainers))
        {
            var container = Blobs.GetBlobContainerClient(name);
            foreach (var blob in await new JsonBlobContainer(container).ListNamesAsync(study + "/", CancellationToken.None))
            {
                if (StorageNames.DeidentifiedContainers.Contains(name)) deidentifiedSeen.Add(name);
                var text = (await container.GetBlobClient(blob).DownloadContentAsync()).Value.Content.ToString();
                if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)) withMarker.Add(name);
            }
        }

        Assert.DoesNotContain(withMarker, StorageNames.DeidentifiedContainers.Contains);
        Assert.Equal(new[] { StorageNames.IdentifiableTranscripts, StorageNames.PseudonymKeys }.Order(StringComparer.Ordinal), withMarker.Order(StringComparer.Ordinal));
        Assert.Equal([StorageNames.Coding, StorageNames.DeidentifiedTranscripts], deidentifiedSeen.Order(StringComparer.Ordinal));
        Assert.Equal(original, (await documents.GetTranscriptAsync(study, recording, CancellationToken.None))?.Utterances[0].Text);
        Assert.Equal(marker, (await documents.GetDeidentificationRecordAsync(study, recording, CancellationToken.None))?.Key[0].OriginalText);
    }
}
