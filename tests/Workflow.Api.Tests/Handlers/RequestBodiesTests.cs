using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflow.Api.Handlers;

namespace Workflow.Api.Tests.Handlers;

public class RequestBodiesTests
{
    private sealed record Body(object? A);

    private static HttpRequest Request(string json)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return context.Request;
    }

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string? Detail(IResult? problem) => (problem as ProblemHttpResult)?.ProblemDetails.Detail;

    [Fact]
    public async Task JsonNestedBeyondTheSerializersLimit_IsRefusedForItsDepth()
    {
        var (_, problem) = await RequestBodies.ReadJsonAsync<Body>(Request(Nested(10_000)), CancellationToken.None);

        Assert.Equal("The JSON body is nested more than 64 levels deep; no request needs that.", Detail(problem));
    }

    [Fact]
    public async Task JsonAtTheSerializersLimit_IsStillRead()
    {
        var (value, problem) = await RequestBodies.ReadJsonAsync<Body>(Request(Nested(63)), CancellationToken.None);

        Assert.Null(problem);
        Assert.NotNull(value);
    }

    [Fact]
    public async Task AnOptionalBody_IsCheckedForDepthToo()
    {
        var (_, problem) = await RequestBodies.ReadOptionalJsonAsync(Request("[" + Nested(100) + "]"), new Body(null), CancellationToken.None);

        Assert.Contains("nested more than 64 levels", Detail(problem));
    }

    [Fact]
    public async Task MalformedJson_StillGetsThePositionalMessage()
    {
        var (_, problem) = await RequestBodies.ReadJsonAsync<Body>(Request("{ not json"), CancellationToken.None);

        Assert.StartsWith("The JSON body is malformed", Detail(problem));
    }
}
