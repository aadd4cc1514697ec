using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Endpoints;
using Workflow.Api.Handlers;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>Health with storage unreachable (the healthy runner is checked in <see cref="BadInputTests"/>).</summary>
public class HealthTests
{
    [Fact]
    public async Task WithStorageUnreachable_ItAnswers503_NamingTheFailingParts()
    {
        // Nothing listens on port 1: the account is down as far as the app can tell.
        const string dead = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;";
        var accounts = new StorageAccounts(new WorkflowStorageOptions(
            new StorageAccountOptions(dead, null, null), new StorageAccountOptions(Azurite.ConnectionString, null, null)));
        // A generous timeout: the healthy account must not be reported as timed out on a loaded CI machine.
        var handler = new HealthHandler(accounts, TimeSpan.FromSeconds(30));
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var output = new MemoryStream();
        context.Response.Body = output;

        var result = await handler.GetAsync(new ApiCall(context.Request, null, new Dictionary<string, string>(), Durable: null!, CancellationToken.None));
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("10", context.Response.Headers.RetryAfter.ToString());
        using var body = JsonDocument.Parse(output.ToArray());
        Assert.Contains("identifiableStorage", body.RootElement.GetProperty("detail").GetString());
        Assert.NotEqual("ok", body.RootElement.GetProperty("identifiableStorage").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("deidentifiedStorage").GetString());
    }
}
