using Workflow.Domain.Verification;
using Microsoft.Extensions.Configuration;
using Workflow.Api.Auth;
using Workflow.Orchestrations;

namespace Workflow.Hosting;

/// <summary>
/// Settings refused before anything starts, with a message saying what to change. The most important:
/// the development principal (every caller is a lead) is accepted only by the local runner, or by the
/// Functions app under Core Tools in the Development environment, and never on App Service; and the
/// App Service principal header is trusted only where App Service Authentication is on.
/// </summary>
public static class HostConfigurationCheck
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, WorkflowHostKind host, Func<string, string?> environment)
    {
        var problems = new List<string>();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (string.Equals(auth.Mode, "Development", StringComparison.OrdinalIgnoreCase))
        {
            var onAppService = !string.IsNullOrEmpty(environment("WEBSITE_INSTANCE_ID")) || !string.IsNullOrEmpty(environment("WEBSITE_SITE_NAME"));
            var functionsDevelopment = string.Equals(environment("AZURE_FUNCTIONS_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase);
            if (onAppService)
                problems.Add("Auth:Mode=Development is refused on App Service: it lets every caller act as a lead. Use EasyAuth.");
            else if (host == WorkflowHostKind.Functions && !functionsDevelopment)
                problems.Add("Auth:Mode=Development needs AZURE_FUNCTIONS_ENVIRONMENT=Development (a developer's machine under Core Tools); use EasyAuth otherwise.");
        }

        else if (string.Equals(auth.Mode, "EasyAuth", StringComparison.OrdinalIgnoreCase)
                 && !string.Equals(environment("WEBSITE_AUTH_ENABLED"), "True", StringComparison.OrdinalIgnoreCase))
        {
            // Only App Service Authentication strips a client's own X-MS-CLIENT-PRINCIPAL header and
            // sets a true one; without it, anyone could send a forged principal.
            problems.Add("Auth:Mode=EasyAuth trusts the X-MS-CLIENT-PRINCIPAL header, which only App Service Authentication can vouch for, " +
                "and it is not enabled here (WEBSITE_AUTH_ENABLED is not True). Turn on App Service Authentication, or run locally with Auth:Mode=Development.");
        }

        var pipeline = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>() ?? new PipelineOptions();
        if (pipeline.MaxUploadBytes <= 0) problems.Add("Pipeline:MaxUploadBytes must be positive.");
        if (pipeline.ConfirmRedactionsBelow is < 0 or > 1) problems.Add("Pipeline:ConfirmRedactionsBelow must be between 0 and 1.");
        if (pipeline.ClaimLease <= TimeSpan.Zero) problems.Add("Pipeline:ClaimLease must be positive.");
        if (pipeline.VerificationRecheck < TimeSpan.FromSeconds(1)) problems.Add("Pipeline:VerificationRecheck must be at least one second.");
        if (string.IsNullOrWhiteSpace(pipeline.WorkDirectory)) problems.Add("Pipeline:WorkDirectory must name a folder.");
        var checks = configuration.GetSection(TranscriptCheckOptions.SectionName).Get<TranscriptCheckOptions>() ?? new TranscriptCheckOptions();
        if (checks.TranscriptCheckBelow is < 0 or > 1) problems.Add("Verification:TranscriptCheckBelow must be between 0 and 1 (0 turns transcript checks off).");
        if (checks.MaxPassageWords < 1 || checks.JoinAcrossWords < 0 || checks.ContextWords < 0 || checks.MaxPassagesPerMinute < 0 || checks.MinPassagesPerRecording < 0)
            problems.Add("Verification:MaxPassageWords must be at least 1, and JoinAcrossWords, ContextWords, MaxPassagesPerMinute and MinPassagesPerRecording not negative.");
        return problems;
    }
}
