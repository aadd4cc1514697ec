using Microsoft.AspNetCore.Http;

namespace Workflow.Api;

/// <summary>RFC 9457 problem-details responses with the project's wording conventions.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "The request is invalid.", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found.", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict.", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "The upload is too large.", detail);

    public static IResult UnsupportedMedia(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type.", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Sign-in required.", detail);

    public static IResult Unavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable.", detail);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);

    /// <summary>A 400 listing every problem found, keyed by the field it concerns.</summary>
    public static IResult Validation(IReadOnlyList<string> errors, string field = "body") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [.. errors] },
            title: "The request is invalid.", detail: string.Join(" ", errors));

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
