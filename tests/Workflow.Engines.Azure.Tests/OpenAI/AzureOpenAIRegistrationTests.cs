using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Engines.Local;
using static Workflow.Engines.Azure.Tests.OpenAI.FakeOpenAIService;

namespace Workflow.Engines.Azure.Tests.OpenAI;

public sealed class AzureOpenAIRegistrationTests
{
    private const string Good =
        """{"segments":[{"segmentId":"s4","codes":[{"codeId":"T1.2","confidence":0.7,"rationale":"r","evidence":"actually listens"}]}]}""";

    private static ServiceProvider Services(Uri endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Engines:AzureOpenAI:Endpoint"] = endpoint.ToString(),
            ["Engines:AzureOpenAI:Deployment"] = "gpt-4o-coding",
            ["Engines:AzureOpenAI:ApiKey"] = "test-key",
            ["Engines:Coding"] = "azure-openai",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(Path.GetTempPath()));
        services.AddLocalEngines(configuration).AddAzureEngines(configuration).AddEngineSelection(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public void AzureOpenAI_IsOfferedAsACloudCodingEngine()
    {
        using var sp = Services(new Uri("http://127.0.0.1:9/"));

        var descriptor = Assert.Single(sp.GetServices<EngineDescriptor>(), d => d.Key == "azure-openai");
        Assert.Equal(EngineStage.Coding, descriptor.Stage);
        Assert.True(descriptor.IsCloud);
    }

    [Fact]
    public async Task AStudyThatDoesNotAllowCloud_NeverReachesIt_EvenAsTheHostDefault()
    {
        await using var fake = await StartAsync(Completion(Good));
        using var sp = Services(fake.Endpoint);
        var selection = sp.GetRequiredService<EngineSelection>();
        var study = new Study("s1", "S", [], DateTimeOffset.UnixEpoch);

        var e = Assert.Throws<EngineUnavailableException>(() => selection.Coding(study));

        Assert.Contains("does not allow cloud engines", e.Message, StringComparison.Ordinal);
        Assert.Contains("'azure-openai' is a cloud engine", Assert.Single(selection.Check(new StudyEngineSettings(Coding: "azure-openai"))), StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task AStudyThatAllowsCloud_IsCodedWithTheConfiguredDeployment()
    {
        await using var fake = await StartAsync(Completion(Good));
        using var sp = Services(fake.Endpoint);
        var study = new Study("s1", "S", [], DateTimeOffset.UnixEpoch) { Engines = new StudyEngineSettings(AllowCloudEngines: true) };

        var engine = sp.GetRequiredService<EngineSelection>().Coding(study);
        var suggestion = Assert.Single(await engine.SuggestAsync(CodingSamples.Segments, CodingSamples.Codebook, CancellationToken.None));

        Assert.Equal(("azure-openai", "s4", "T1.2"), (engine.Name, suggestion.SegmentId, suggestion.CodeId));
        Assert.Contains("/deployments/gpt-4o-coding/", Assert.Single(fake.Requests).PathAndQuery, StringComparison.Ordinal);
    }
}
