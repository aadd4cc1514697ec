using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// The codebook goes in and out as JSON, CSV and REFI-QDA (.qdc) through the real runner and storage:
/// a download in each format uploads again as the same codebook, and a wrong type or broken file is
/// refused with problem details and stores nothing.
/// </summary>
public class CodebookFormatsEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;

    private const string Csv =
        "id,parent,level,name,definition,inclusion,exclusion,examples,keywords,color\r\n" +
        "T1,,1,Access,Getting to services.,,,,,#1f77b4\r\n" +
        "C1,T1,2,\"Waiting, long\",\"Delays before\na first appointment.\",Any delay,,\"\"\"ages\"\" | a year\",wait | queue,\r\n";

    private async Task<string> StudyAsync()
    {
        var study = Azurite.UniqueStudyId("cbf");
        await Api.CreateStudyAsync(study);
        return study;
    }

    private Task<HttpResponseMessage> PutAsync(string study, string body, string? contentType, string query = "")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return Api.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"studies/{study}/codebook{query}") { Content = content });
    }

    private async Task<JsonElement> CodebookAsync(string study) =>
        JsonDocument.Parse(await (await Api.GetAsync($"studies/{study}/codebook")).Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task PutCsv_StoresTheEntries_AndTheCsvDownloadUploadsAsTheSameCodebook()
    {
        var study = await StudyAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(study, Csv, "text/csv", "?name=Access%20study")).StatusCode);
        var first = await CodebookAsync(study);
        Assert.Equal("Access study", first.GetProperty("name").GetString());
        Assert.Equal("Delays before\na first appointment.", first.GetProperty("codes")[1].GetProperty("definition").GetString());

        var download = await Api.GetAsync($"studies/{study}/codebook?format=csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", download.Content.Headers.ContentDisposition?.FileNameStar);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(study, await download.Content.ReadAsStringAsync(), "text/csv")).StatusCode);
        var second = await CodebookAsync(study);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal("Access study", second.GetProperty("name").GetString()); // a CSV has no name; the study's is kept
        Assert.Equal(first.GetProperty("codes").GetRawText(), second.GetProperty("codes").GetRawText());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    [InlineData("application/vnd.refi-qda.codebook+xml")]
    public async Task QdcDownload_UploadsAgainKeepingHierarchyNamesDefinitionsAndColours(string contentType)
    {
        var study = await StudyAsync();
        await PutAsync(study, Csv, "text/csv; charset=utf-8");
        var download = await Api.GetAsync($"studies/{study}/codebook?format=qdc");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.refi-qda.codebook+xml", download.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".qdc", download.Content.Headers.ContentDisposition?.FileNameStar);
        var qdc = await download.Content.ReadAsStringAsync();
        Assert.Contains("urn:QDA-XML:codebook:1.0", qdc);

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(study, qdc, contentType)).StatusCode);
        var codes = (await CodebookAsync(study)).GetProperty("codes");
        Assert.Equal(["T1", "C1"], codes.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("T1", codes[1].GetProperty("parent").GetString());
        Assert.Equal("Waiting, long", codes[1].GetProperty("name").GetString());
        Assert.Equal("Delays before\na first appointment.", codes[1].GetProperty("definition").GetString());
        Assert.Equal("#1f77b4", codes[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task GetJson_DefaultAndExplicit_AreTheSameDocument()
    {
        var study = await StudyAsync();
        await PutAsync(study, File.ReadAllText(RepositoryPaths.Sample("codebook.json")), "application/json");
        var plain = await Api.GetAsync($"studies/{study}/codebook");
        var json = await Api.GetAsync($"studies/{study}/codebook?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await json.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PutWithoutContentType_IsReadAsJson()
    {
        var study = await StudyAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(study, File.ReadAllText(RepositoryPaths.Sample("codebook.json")), null)).StatusCode);
    }

    [Fact]
    public async Task PutUnsupportedType_Is415AndStoresNothing()
    {
        var study = await StudyAsync();
        var problem = await ApiClient.ProblemAsync(await PutAsync(study, Csv, "text/plain"), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/csv", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"studies/{study}/codebook")).StatusCode);
    }

    [Theory]
    [InlineData("text/csv", "id,parent,level,name,definition\nT1,,top,A,d\n", "Row 2, column 'level'")]
    [InlineData("application/xml", "<CodeBook><Codes>", "XML")]
    [InlineData("application/xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><x/>", "DTD")]
    [InlineData("text/csv", "id,parent,level,name,definition\nT1,,1,A,\n", "definition is required")]
    public async Task PutBrokenFile_Is400WithTheReason_AndStoresNothing(string contentType, string body, string reason)
    {
        var study = await StudyAsync();
        var problem = await ApiClient.ProblemAsync(await PutAsync(study, body, contentType), HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"studies/{study}/codebook")).StatusCode);
    }

    [Fact]
    public async Task GetUnknownFormat_Is400()
    {
        var study = await StudyAsync();
        var problem = await ApiClient.ProblemAsync(await Api.GetAsync($"studies/{study}/codebook?format=xlsx"), HttpStatusCode.BadRequest);
        Assert.Contains("xlsx", problem.GetProperty("detail").GetString());
    }
}
