using Microsoft.Extensions.Configuration;
using Workflow.Hosting;

namespace Workflow.Composition.Tests;

public class HostConfigurationCheckTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static Func<string, string?> Env(params (string Key, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Key == name).Value;

    [Fact]
    public void DevelopmentAuth_IsAcceptedByTheLocalRunner() =>
        Assert.Empty(HostConfigurationCheck.Problems(Config(("Auth:Mode", "Development")), WorkflowHostKind.LocalRunner, Env()));

    [Fact]
    public void DevelopmentAuth_IsRefusedByTheFunctionsApp_UnlessInTheDevelopmentEnvironment()
    {
        Assert.Contains(HostConfigurationCheck.Problems(Config(("Auth:Mode", "development")), WorkflowHostKind.Functions, Env()),
            p => p.Contains("AZURE_FUNCTIONS_ENVIRONMENT=Development"));
        Assert.Empty(HostConfigurationCheck.Problems(Config(("Auth:Mode", "Development")), WorkflowHostKind.Functions,
            Env(("AZURE_FUNCTIONS_ENVIRONMENT", "Development"))));
    }

    [Theory]
    [InlineData(WorkflowHostKind.Functions)]
    [InlineData(WorkflowHostKind.LocalRunner)]
    public void DevelopmentAuth_IsRefusedOnAppService_WhateverTheHost(WorkflowHostKind host) =>
        Assert.Contains(HostConfigurationCheck.Problems(Config(("Auth:Mode", "Development")), host,
            Env(("AZURE_FUNCTIONS_ENVIRONMENT", "Development"), ("WEBSITE_INSTANCE_ID", "abc"))), p => p.Contains("refused on App Service"));

    [Fact]
    public void NonsensePipelineSettings_AreEachReported()
    {
        var problems = HostConfigurationCheck.Problems(Config(("Auth:Mode", "Development"), ("Pipeline:MaxUploadBytes", "0"), ("Pipeline:ConfirmRedactionsBelow", "2"), ("Pipeline:ClaimLease", "00:00:00")),
            WorkflowHostKind.LocalRunner, Env());
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void EasyAuth_IsAccepted_WhereAppServiceAuthenticationIsOn() =>
        Assert.Empty(HostConfigurationCheck.Problems(Config(), WorkflowHostKind.Functions, Env(("WEBSITE_INSTANCE_ID", "abc"), ("WEBSITE_AUTH_ENABLED", "True"))));

    [Theory]
    [InlineData(WorkflowHostKind.Functions)]
    [InlineData(WorkflowHostKind.LocalRunner)]
    public void EasyAuth_IsRefused_WithoutAppServiceAuthentication_SinceTheHeaderCouldBeForged(WorkflowHostKind host) =>
        Assert.Contains(HostConfigurationCheck.Problems(Config(("Auth:Mode", "EasyAuth")), host, Env(("WEBSITE_INSTANCE_ID", "abc"))),
            p => p.Contains("WEBSITE_AUTH_ENABLED"));
}
