using System.Text.Json;
using Workflow.Api.Handlers;

namespace Workflow.Api.Tests.Uploads;

public class UploadGrantFieldsTests
{
    private static Dictionary<string, JsonElement> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public void BooleansAndNumbers_BecomeTheFormsText_AndNamesAreCaseInsensitive()
    {
        var (fields, errors) = UploadGrantHandlers.FieldsOf(Json("""{"siteid":"site-a","consentRecording":true,"count":3,"notes":null}"""));
        Assert.Empty(errors);
        Assert.Equal("site-a", fields["siteId"]);
        Assert.Equal("true", fields["consentrecording"]);
        Assert.Equal("3", fields["count"]);
        Assert.False(fields.ContainsKey("notes"));
    }

    [Fact]
    public void ObjectsAndArrays_AreRefusedByName()
    {
        var (_, errors) = UploadGrantHandlers.FieldsOf(Json("""{"participants":["P1"],"siteId":{"id":"a"}}"""));
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("fields.participants"));
    }

    [Fact]
    public void OversizedFields_AreRefused_SoAGrantStaysOneTableRow()
    {
        var (_, tooMany) = UploadGrantHandlers.FieldsOf(Json(JsonSerializer.Serialize(Enumerable.Range(0, 40).ToDictionary(i => "f" + i, i => "x"))));
        Assert.Single(tooMany);
        var (_, tooLong) = UploadGrantHandlers.FieldsOf(Json(JsonSerializer.Serialize(new { notes = new string('x', 5000) })));
        Assert.Single(tooLong);
    }
}
