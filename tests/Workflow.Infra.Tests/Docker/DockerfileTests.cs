using System.Diagnostics;
using System.Text.RegularExpressions;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Infra.Tests.Docker;

/// <summary>
/// The container image definition (./Dockerfile, built by azd for the Premium plan) can be built from
/// this repository: every COPY source exists and is not excluded by .dockerignore, base images are
/// pinned, and the engines' Debian packages are the ones scripts/setup.sh installs, found from the
/// files the engines' default options point at.
/// </summary>
public partial class DockerfileTests
{
    private static readonly Dockerfile File_ = Dockerfile.Parse(RepositoryFiles.Read("Dockerfile"));

    [Fact]
    public void EveryCopySource_ExistsInTheRepository_AndIsNotIgnored()
    {
        var sources = File_.ContextSources.ToList();
        Assert.NotEmpty(sources);
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).Select(l => l.TrimEnd('/').Replace("**/", "")).ToList();
        foreach (var source in sources)
        {
            var path = RepositoryFiles.PathOf(source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"Dockerfile copies {source}, which is not in the repository");
            Assert.DoesNotContain(ignored, i => source.TrimEnd('/') == i || source.StartsWith(i + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BaseImages_ArePinnedByTagOrDigest_NeverLatest()
    {
        var images = File_.BaseImages.ToList();
        Assert.True(images.Count >= 2, "expected a build stage and the Functions runtime stage");
        foreach (var image in images)
        {
            var tag = image.Contains('@') ? image[(image.IndexOf('@') + 1)..] : image.Contains(':') ? image[(image.LastIndexOf(':') + 1)..] : "";
            Assert.False(string.IsNullOrEmpty(tag) || tag == "latest", $"base image {image} is not pinned");
        }
        Assert.StartsWith("mcr.microsoft.com/azure-functions/dotnet-isolated:", images[^1]);
        Assert.Matches(DotnetIsolatedTagRegex(), images[^1]);
    }

    [Fact]
    public void AptPackages_AreTheOnesSetupInstalls_AndCoverTheEnginesDefaultFiles()
    {
        var image = File_.AptPackages.ToHashSet();
        var setup = SetupAptPackages();
        Assert.Empty(image.Except(setup));
        var ffmpeg = new FfmpegOptions();
        var sphinx = new PocketSphinxOptions();
        foreach (var file in new[] { Which(ffmpeg.FfmpegPath), Which(ffmpeg.FfprobePath), Which(sphinx.ExecutablePath), sphinx.DefaultModelDirectory })
        {
            var package = OwningPackage(file);
            Assert.True(image.Contains(package), $"the engines' default {file} comes from Debian package '{package}', which the Dockerfile does not install");
        }
    }

    [Fact]
    public void TheBuildStage_InstallsTheGazetteers_WithTheProjectsOwnPinnedList()
    {
        Assert.Contains(File_.Instructions, i => i.Instruction == "RUN" && i.Arguments.Contains("ensure_gazetteers", StringComparison.Ordinal));
        Assert.Contains("ensure_gazetteers()", RepositoryFiles.Read("scripts/common.sh"));
    }

    private static HashSet<string> SetupAptPackages()
    {
        var match = AptPackagesRegex().Match(RepositoryFiles.Read("scripts/common.sh"));
        Assert.True(match.Success, "scripts/common.sh has no APT_PACKAGES=(...) list");
        return match.Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
    }

    private static string Which(string executable) =>
        Path.IsPathRooted(executable) ? executable
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, executable)).FirstOrDefault(File.Exists)
          ?? throw new FileNotFoundException($"{executable} is not on PATH ({Environment.GetEnvironmentVariable("PATH")}): run scripts/setup.sh (it installs the engines' Debian packages).");

    private static string OwningPackage(string path)
    {
        // dpkg knows the path it installed, not a symlinked alias (/bin vs /usr/bin on merged-usr systems).
        var candidates = new[] { path, Path.GetFullPath(new FileInfo(path).ResolveLinkTarget(true)?.FullName ?? path) }
            .Concat(path.StartsWith("/usr/", StringComparison.Ordinal) ? [path[4..]] : [])
            .Distinct();
        foreach (var candidate in candidates)
        {
            var start = new ProcessStartInfo("dpkg-query", ["-S", candidate]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var dpkg = Process.Start(start)!;
            var output = dpkg.StandardOutput.ReadToEnd();
            dpkg.WaitForExit();
            if (dpkg.ExitCode == 0) return output.Split(':')[0].Trim();
        }
        throw new InvalidOperationException($"no Debian package owns {path}: run scripts/setup.sh");
    }

    [GeneratedRegex(@"APT_PACKAGES=\((?<list>[^)]*)\)")]
    private static partial Regex AptPackagesRegex();

    [GeneratedRegex(@":4-dotnet-isolated10\.0|@sha256:")]
    private static partial Regex DotnetIsolatedTagRegex();
}
