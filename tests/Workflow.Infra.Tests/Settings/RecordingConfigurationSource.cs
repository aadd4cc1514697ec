using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Workflow.Infra.Tests.Settings;

/// <summary>
/// In-memory configuration that remembers every key the code asks for (a value looked up, or a
/// section's children listed), whether or not it has a value. Options binding asks for each property,
/// so this finds keys however the code spells them (constants, nameof, relative sections).
/// </summary>
public sealed class RecordingConfigurationSource(IDictionary<string, string?> values) : IConfigurationSource
{
    public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(new MemoryConfigurationSource { InitialData = values }, Read);

    private sealed class Provider(MemoryConfigurationSource source, HashSet<string> read) : MemoryConfigurationProvider(source)
    {
        public override bool TryGet(string key, out string? value)
        {
            lock (read) read.Add(key);
            return base.TryGet(key, out value);
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null) lock (read) read.Add(parentPath);
            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }
}
