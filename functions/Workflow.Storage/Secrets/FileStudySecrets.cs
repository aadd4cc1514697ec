using System.Collections.Concurrent;
using System.Security.Cryptography;
using Workflow.Domain.Ports;

namespace Workflow.Storage.Secrets;

/// <summary>
/// Study secrets as owner-only files in a folder of their own (<c>Secrets:Directory</c>), apart from
/// both storage accounts: a copy of the identifiable account alone cannot reverse the registry.
/// Back the folder up with the data; without it, existing pseudonyms cannot be matched again.
/// </summary>
public sealed class FileStudySecrets(string directory) : IStudySecrets
{
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public Task<byte[]> GetOrCreateAsync(string studyId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(studyId, out var known)) return Task.FromResult(known);
        if (!Domain.Studies.StudyIds.IsValid(studyId)) throw new ArgumentException("Not a study id.", nameof(studyId));
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(directory);
        else Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(directory, studyId + ".key");
        try
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(path, options)) file.Write(fresh);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer created it first: theirs is the study's secret.
        }
        var secret = File.ReadAllBytes(path);
        if (secret.Length < 32) throw new InvalidOperationException($"The secret file of study '{studyId}' is damaged; restore it from backup.");
        return Task.FromResult(_cache.GetOrAdd(studyId, secret));
    }
}
