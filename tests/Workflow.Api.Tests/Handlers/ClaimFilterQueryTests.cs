using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Workflow.Api.Handlers;
using Workflow.Domain.Verification;

namespace Workflow.Api.Tests.Handlers;

public class ClaimFilterQueryTests
{
    private static (ClaimFilter? Filter, string? Error) Read(params (string Key, string Value)[] pairs) =>
        ClaimFilterQuery.Read(new QueryCollection(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value))));

    [Fact]
    public void TheThreeParts_AreRead_AndNoneIsAnEmptyFilter()
    {
        Assert.Equal(new ClaimFilter(VerificationItemKind.Redaction, "rec-1", "stigma"), Read(("kind", "redaction"), ("recording", "rec-1"), ("code", "stigma")).Filter);
        Assert.True(Read().Filter!.IsEmpty);
    }

    [Theory]
    [InlineData("kind", "Nope", "kind must be one of Redaction, CodeSuggestion")]
    [InlineData("kind", "1", "kind must be one of")]
    [InlineData("recording", "rec\u0000", "recording must be an id")]
    [InlineData("code", "", null)]
    public void BadParts_AreRefusedInWords(string key, string value, string? error)
    {
        var (filter, message) = Read((key, value));
        if (error is null)
        {
            Assert.NotNull(filter);
            return;
        }
        Assert.Null(filter);
        Assert.StartsWith(error, message);
    }

    [Fact]
    public void AnOverlongId_IsRefused()
    {
        Assert.Contains("at most 128 characters", Read(("code", new string('x', 129))).Error);
    }

    [Fact]
    public void Order_IsDoubtByDefault_TranscriptOnRequest_AndAnythingElseIsRefused()
    {
        Assert.False(Read().Filter!.InTranscriptOrder);
        Assert.False(Read(("order", "doubt")).Filter!.InTranscriptOrder);
        Assert.True(Read(("order", "transcript")).Filter!.InTranscriptOrder);
        var (filter, error) = Read(("order", "random"));
        Assert.Null(filter);
        Assert.StartsWith("order must be doubt", error);
    }
}
