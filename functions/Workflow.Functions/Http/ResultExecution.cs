using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Functions.Http;

/// <summary>
/// The shared handlers return ASP.NET Core <see cref="IResult"/>s; the Functions ASP.NET Core
/// integration expects <see cref="IActionResult"/>. Executing the result on the real HttpContext and
/// returning an empty action keeps one implementation for both hosts.
/// </summary>
internal static class ResultExecution
{
    public static async Task<IActionResult> ExecuteAsync(HttpRequest request, Task<IResult> handler)
    {
        await (await handler).ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
