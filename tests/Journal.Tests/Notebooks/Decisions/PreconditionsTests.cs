using static Journal.Tests.Notebooks.Decisions.Given;
using static Journal.Tests.Rules.Values;

using Journal.Hosting;
using Journal.Notebooks;
using Microsoft.AspNetCore.Http;

namespace Journal.Tests.Notebooks.Decisions;

public class PreconditionsTests
{
    /// <summary>Started and two days logged: version 3, ETag "3".</summary>
    private static Notebook AtVersion3 => Notebook(LoggedDays(2));

    [Fact]
    public void The_helper_counts_the_start_in_the_version() => Assert.Equal(3, AtVersion3.Version);

    [Fact]
    public void Stream_versions_are_quoted_entity_tags() => Assert.Equal("\"7\"", ETags.Of(7));

    [Fact]
    public void Without_If_Match_there_is_no_precondition() => Assert.Null(NotebookPreconditions.IfMatch(null, AtVersion3));

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"3\"")]
    [InlineData("  \"2\" ,\"3\"  ")]
    [InlineData("\"3\",")]
    [InlineData("\"9\", *")]
    public void An_If_Match_naming_the_current_version_or_any_passes(string ifMatch) =>
        Assert.Null(NotebookPreconditions.IfMatch(ifMatch, AtVersion3));

    [Theory]
    [InlineData("\"2\"")] // stale
    [InlineData("\"4\"")] // from the future
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/\"3\"")] // a weak tag never matches strongly
    [InlineData("3")] // unquoted
    [InlineData("'3'")]
    [InlineData("\"03\"")]
    [InlineData("\"3")]
    [InlineData("\"\"")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("yes please")]
    public void Any_other_If_Match_is_a_412(string ifMatch)
    {
        var problem = NotebookPreconditions.IfMatch(ifMatch, AtVersion3);

        Assert.NotNull(problem);
        Assert.Equal((StatusCodes.Status412PreconditionFailed, ProblemTypes.VersionMismatch), (problem.Status, problem.Type));
        Assert.Contains("version 3 (ETag \"3\")", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_If_Match_is_shortened_in_the_detail()
    {
        var problem = NotebookPreconditions.IfMatch(new string('x', 41), AtVersion3);

        Assert.NotNull(problem);
        Assert.StartsWith($"If-Match named {new string('x', 40)}… but", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_in_progress_is_in_progress_and_not_abandoned()
    {
        Assert.Null(NotebookPreconditions.InProgress(InState(NotebookStatus.InProgress)));
        Assert.Null(NotebookPreconditions.NotAbandoned(InState(NotebookStatus.InProgress)));
    }

    [Fact]
    public void A_completed_notebook_is_not_in_progress_but_is_not_abandoned()
    {
        var problem = Decided.Rejected(new Decision(NotebookPreconditions.InProgress(Completed()), []),
            StatusCodes.Status409Conflict, ProblemTypes.NotebookCompleted);

        Assert.Contains("(5 / 5 days)", problem.Detail, StringComparison.Ordinal);
        Assert.Null(NotebookPreconditions.NotAbandoned(Completed()));
    }

    [Fact]
    public void An_abandoned_notebook_is_neither_in_progress_nor_not_abandoned()
    {
        Decided.Conflict(new Decision(NotebookPreconditions.InProgress(Abandoned()), []), ProblemTypes.NotebookAbandoned);
        Decided.Conflict(new Decision(NotebookPreconditions.NotAbandoned(Abandoned()), []), ProblemTypes.NotebookAbandoned);
    }

    [Theory]
    [InlineData(NotebookStatus.InProgress, 5, 5, "completed")]
    [InlineData(NotebookStatus.InProgress, 6, 5, "completed")]
    [InlineData(NotebookStatus.InProgress, 4, 5, "")]
    [InlineData(NotebookStatus.Completed, 4, 5, "reopened")]
    [InlineData(NotebookStatus.Completed, 5, 5, "")]
    [InlineData(NotebookStatus.Completed, 6, 5, "")]
    [InlineData(NotebookStatus.Abandoned, 5, 5, "")] // abandoned stays abandoned either way
    [InlineData(NotebookStatus.Abandoned, 4, 5, "")]
    public void StatusAfter_completes_or_reopens_only_across_the_plan(NotebookStatus status, int daysLogged, int plannedDays, string expected)
    {
        object[] events = expected switch
        {
            "completed" => [new NotebookCompleted(daysLogged, plannedDays)],
            "reopened" => [new NotebookReopened(daysLogged, plannedDays)],
            _ => [],
        };

        Assert.Equal(events, NotebookPreconditions.StatusAfter(InState(status), daysLogged, plannedDays));
    }

    [Theory]
    [InlineData("UTC", "00:00", "2026-03-10T00:00:00Z", "2026-03-10")]
    [InlineData("UTC", "04:00", "2026-03-10T03:59:59Z", "2026-03-09")]
    [InlineData("UTC", "04:00", "2026-03-10T04:00:00Z", "2026-03-10")]
    [InlineData("America/New_York", "00:00", "2026-03-10T03:59:59Z", "2026-03-09")] // 23:59:59 EDT
    [InlineData("Pacific/Auckland", "00:00", "2026-03-10T11:00:00Z", "2026-03-11")] // 00:00 NZDT
    public void Today_is_the_date_in_the_notebooks_zone_from_its_day_start(string zone, string dayStartsAt, string now, string today) =>
        Assert.Equal(Date(today), NotebookPreconditions.Today(Notebook(Started(timeZone: zone, dayStartsAt: dayStartsAt)), Instant(now)));

    [Fact]
    public void Today_follows_a_changed_time_zone() =>
        Assert.Equal(Date("2026-03-11"),
            NotebookPreconditions.Today(Notebook(new TimeZoneChanged("Pacific/Auckland", TimeOnly.MinValue)), Instant("2026-03-10T12:00:00Z")));
}
