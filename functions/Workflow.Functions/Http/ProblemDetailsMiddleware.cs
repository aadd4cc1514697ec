using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Workflow.Functions.Http;

/// <summary>
/// The Functions worker's counterpart of the runner's exception handler: an unhandled exception in an
/// HTTP function becomes a 500 problem-details response without internals (exception messages may
/// quote transcript text), and is logged by type only.
/// </summary>
public sealed class ProblemDetailsMiddleware(ILogger<ProblemDetailsMiddleware> log) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            log.LogError("Function {Function} failed ({Error})", context.FunctionDefinition.Name, e.GetType().Name);
            await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong.",
                detail: "The request could not be completed; nothing it had already stored is lost. Try again, or ask an administrator to check the host log.")
                .ExecuteAsync(http);
        }
    }
}
