using System.Net;
using Journal.Contracts;

namespace Journal.Cli.Tests;

/// <summary>The pure parts of the command line: which notebook a name means, the layouts, exit codes of refusals.</summary>
public class NotebookNamesTests
{
    private static NotebookIndexItem Notebook(string id, string title, string status = "InProgress") =>
        new(Guid.Parse(id), title, status, 1, 10, "1 / 10 days", new DateOnly(2026, 3, 2), null, DateTimeOffset.UnixEpoch, 0);

    private static readonly NotebookIndexItem[] Notebooks =
    [
        Notebook("01a22660-0000-7000-8000-000000000001", "Learning Rust"),
        Notebook("01a22660-0000-7000-8000-000000000002", "Learning Go", "Completed"),
        Notebook("01a2aaaa-0000-7000-8000-000000000003", "rust"),
        Notebook("7f000000-0000-7000-8000-000000000004", "Deutsch"),
    ];

    [Theory]
    [InlineData("Learning Rust", 0)]
    [InlineData("  learning rust ", 0)]
    [InlineData("RUST", 2)] // a whole title first, before the start of another
    [InlineData("01a2aa", 2)]
    [InlineData("7f00", 3)]
    [InlineData("deu", 3)]
    [InlineData("learning g", 1)]
    [InlineData("01a22660-0000-7000-8000-000000000002", 1)]
    public void A_name_is_a_title_the_start_of_an_id_or_of_one_title_or_an_id(string name, int index) =>
        Assert.Equal(Notebooks[index], NotebookNames.Resolve(name, Notebooks));

    [Theory]
    [InlineData("Learning", ExitCodes.Usage, "\"Learning\" fits 2 notebooks: Learning Rust (01a22660-0000-7000-8000-000000000001), Learning Go (01a22660-0000-7000-8000-000000000002)")]
    [InlineData("01a22660", ExitCodes.Usage, "fits 2 notebooks")]
    [InlineData("Python", ExitCodes.NotFound, "no notebook is called \"Python\"")]
    [InlineData("01a", ExitCodes.NotFound, "no notebook is called \"01a\"")] // too short to be an id's start
    [InlineData("01a22660-0000-7000-8000-0000000000ff", ExitCodes.NotFound, "no notebook 01a22660-0000-7000-8000-0000000000ff")]
    public void A_name_that_fits_several_or_none_is_refused(string name, int exitCode, string message)
    {
        var refused = Assert.Throws<CliException>(() => NotebookNames.Resolve(name, Notebooks));
        Assert.Equal(exitCode, refused.ExitCode);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_name_the_only_notebook_in_progress_is_meant()
    {
        Assert.Equal(Notebooks[3], NotebookNames.Default([Notebooks[1], Notebooks[3]]));
        Assert.Equal(ExitCodes.Usage, Assert.Throws<CliException>(() => NotebookNames.Default(Notebooks)).ExitCode);
        Assert.Equal(ExitCodes.NotFound, Assert.Throws<CliException>(() => NotebookNames.Default([Notebooks[1]])).ExitCode);
    }

    [Fact]
    public void Ids_are_shown_as_short_as_they_stay_unique()
    {
        Assert.Equal("01a22660-0000-7000-8000-000000000001", NotebookNames.ShortId(Notebooks[0].Id, Notebooks));
        Assert.Equal("01a2aaaa", NotebookNames.ShortId(Notebooks[2].Id, Notebooks));
        Assert.Equal("01a22660-0", NotebookNames.ShortId(Notebooks[0].Id, [Notebooks[0], Notebook("01a22660-1000-7000-8000-000000000009", "x")]));
    }

    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 hr")]
    [InlineData(90, "1 hr 30 min")]
    [InlineData(120, "2 hrs")]
    [InlineData(0, "0 min")]
    public void Durations_read_as_on_the_pages(int minutes, string text) => Assert.Equal(text, Layout.Duration(minutes));

    [Theory]
    [InlineData(6, 10, "████████████░░░░░░░░")]
    [InlineData(0, 10, "░░░░░░░░░░░░░░░░░░░░")]
    [InlineData(12, 10, "████████████████████")]
    public void The_progress_bar_fills_by_days_logged_of_the_plan(int done, int planned, string bar) => Assert.Equal(bar, Layout.Bar(done, planned));

    [Fact]
    public void The_list_is_a_table_with_a_header()
    {
        var lines = Layout.List([Notebooks[2], Notebooks[3]]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID        TITLE    STATUS       PROGRESS     STREAK  LAST STUDIED", lines[0]);
        Assert.Equal("01a2aaaa  rust     In Progress  1 / 10 days  0       —", lines[1]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.TooManyRequests, ExitCodes.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Unavailable)]
    public async Task A_refusal_is_one_line_with_its_exit_code(HttpStatusCode status, int exitCode)
    {
        using var response = new HttpResponseMessage(status)
        {
            Content = new StringContent("""{"type":"/problems/some-rule","title":"x","status":0,"detail":"What went wrong,\nin words."}"""),
        };
        var refusal = await ApiClient.RefusalAsync(response, TestContext.Current.CancellationToken);
        Assert.Equal(exitCode, refusal.ExitCode);
        Assert.StartsWith($"What went wrong, in words. ({(int)status} some-rule)", refusal.Message, StringComparison.Ordinal);
    }
}
