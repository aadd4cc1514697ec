using Workflow.Cli.Uploads;

namespace Workflow.Cli.Tests.Client;

public sealed class MetadataSheetTests
{
    private const string Header = "file,siteId,format,participants,recordedOn,consentRecording,consentTranscription,consentQuotation,consentArchiving,language,interviewer,notes";

    private static MetadataSheetResult Check(string csv, params string[] files) => MetadataSheet.Check(csv, "/data/batch1", files);

    [Fact]
    public void AGoodSheet_GivesOneRowPerFile_WithTheUploadFields()
    {
        var result = Check($"""
            {Header}
            a.txt,site-a,interview,P001:ServiceUser,2006-05-03,true,yes,false,no,en-GB,SP,"Met at the hub, second visit"
            b.wav,site-b,focus-group,"P002:Worker, P003:Carer",,1,1,,,,SP,
            """, "a.txt", "b.wav", "metadata.csv");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(["a.txt", "b.wav"], result.Rows.Select(r => r.FileName));
        var a = result.Rows[0];
        Assert.Equal(Path.Combine("/data/batch1", "a.txt"), a.FilePath);
        Assert.Equal("Met at the hub, second visit", a.Fields["notes"]);
        Assert.Equal("yes", a.Fields["consentTranscription"]);
        Assert.False(a.Fields.ContainsKey("file"));
        var b = result.Rows[1];
        Assert.Equal("P002:Worker, P003:Carer", b.Fields["participants"]);
        // Empty cells are not sent: the API applies its own defaults (language en-GB, no date).
        Assert.False(b.Fields.ContainsKey("recordedOn"));
        Assert.False(b.Fields.ContainsKey("notes"));
    }

    [Fact]
    public void EveryBadRow_IsReportedAtOnce_NamingLineAndProblem_AndNoRowIsReturned()
    {
        var result = Check($"""
            {Header}
            a.txt,site-a,interview,P001:ServiceUser,2006-05-03,true,true,true,true,en-GB,SP,
            gone.txt,site-a,interview,P002:ServiceUser,,true,true,,,,SP,
            c.txt,site-a,interview,P003:ServiceUser,,true,maybe,,,,SP,
            d.txt,site-a,chat,P004:ServiceUser,03/05/2006,false,true,,,,SP,
            """, "a.txt", "c.txt", "d.txt");

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.StartsWith("line 3 (gone.txt):") && e.Contains("not in the folder"));
        Assert.Contains(result.Errors, e => e.StartsWith("line 4 (c.txt):") && e.Contains("consentTranscription must be true or false"));
        var d = Assert.Single(result.Errors, e => e.StartsWith("line 5 (d.txt):"));
        Assert.Contains("format must be interview or focus-group", d);
        Assert.Contains("recordedOn must be a date", d);
        Assert.Contains("consentRecording must be true", d);
    }

    [Fact]
    public void UnknownAndMissingColumns_AreReported_BeforeAnyRow()
    {
        var result = Check("""
            file,site,format,participants,consentRecording,consentTranscription
            a.txt,site-a,interview,P001:ServiceUser,true,true
            """, "a.txt");

        Assert.Contains(result.Errors, e => e.Contains("unknown column 'site'"));
        Assert.Contains(result.Errors, e => e.Contains("column 'siteId' is missing"));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void ColumnNames_AreCaseInsensitive_AndInterviewerMayComeFromTheDefault()
    {
        var result = MetadataSheet.Check("FILE,SiteID,Format,Participants,ConsentRecording,ConsentTranscription\na.txt,site-a,interview,P001:ServiceUser,true,true\n",
            "/d", ["a.txt"], defaultInterviewer: "JB");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("JB", result.Rows[0].Fields["interviewer"]);
        Assert.Equal("site-a", result.Rows[0].Fields["siteId"]);
    }

    [Fact]
    public void AMissingInterviewer_WithNoDefault_IsAnError_BecauseTheApiWouldRefuseIt()
    {
        var result = Check("file,siteId,format,participants,consentRecording,consentTranscription\na.txt,site-a,interview,P001:ServiceUser,true,true\n", "a.txt");
        Assert.Contains("interviewer is empty", Assert.Single(result.Errors));
    }

    [Fact]
    public void FilesInTheFolderWithoutARow_PathsAndRepeats_AreErrors_ButOtherFilesAreIgnored()
    {
        var result = Check($"""
            {Header}
            a.txt,site-a,interview,P001:ServiceUser,,true,true,,,,SP,
            ../secret.txt,site-a,interview,P002:ServiceUser,,true,true,,,,SP,
            a.txt,site-a,interview,P003:ServiceUser,,true,true,,,,SP,
            notes.pdf,site-a,interview,P003:ServiceUser,,true,true,,,,SP,
            """, "a.txt", "b.m4a", "notes.pdf", "readme.md", "metadata.csv");

        Assert.Contains(result.Errors, e => e.StartsWith("line 3") && e.Contains("not a path"));
        Assert.Contains(result.Errors, e => e.StartsWith("line 4") && e.Contains("listed already on line 2"));
        Assert.Contains(result.Errors, e => e.StartsWith("line 5") && e.Contains("'.pdf' files are not accepted"));
        Assert.Contains(result.Errors, e => e.StartsWith("b.m4a: no row"));
        Assert.DoesNotContain(result.Errors, e => e.Contains("readme.md") || e.Contains("metadata.csv"));
    }

    [Fact]
    public void Errors_NeverQuoteFreeText_WhichCanNamePeople()
    {
        var result = Check($"""
            {Header}
            a.txt,site-a,interview,P001:ServiceUser,yesterday,true,true,,,,Darren Kitto,Darren said his brother
            """, "a.txt");

        var error = Assert.Single(result.Errors);
        Assert.DoesNotContain("Darren", error);
        Assert.DoesNotContain("yesterday", error);
    }

    [Fact]
    public void ARowWithTooFewValues_AndAnEmptySheet_AreErrors()
    {
        Assert.Contains("2 values for 12 columns", Assert.Single(Check($"{Header}\na.txt,site-a\n").Errors));
        Assert.Contains("empty", Assert.Single(Check("", "a.txt").Errors));
        Assert.Contains("no rows", Assert.Single(Check(Header + "\n").Errors));
    }
}
