using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>Turns a request into a principal, or null when the caller is not signed in.</summary>
public interface IPrincipalResolver
{
    WorkflowPrincipal? Resolve(HttpRequest request);
}
