using static Journal.Tests.Notebooks.Deciders.Given;
using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Notebooks;
using Journal.Tests.Notebooks.Deciders;
using Microsoft.AspNetCore.Http;

namespace Journal.Tests.Notebooks;

/// <summary>The write model's own rules: its today, the refusals shared by commands, the completion rule.</summary>
public class NotebookTests
{
    /// <summary>Started and two days logged: version 3, ETag "3".</summary>
    private static Notebook AtVersion3 => Notebook(LoggedDays(2));

    [Fact]
    public void The_helper_counts_the_start_in_the_version() => Assert.Equal(3, AtVersion3.Version);

    [Fact]
    public void A_notebook_in_progress_is_in_progress_and_not_abandoned()
    {
        Assert.Null(InState(NotebookStatus.InProgress).RefusesNewDays());
        Assert.Null(InState(NotebookStatus.InProgress).RefusesChanges());
    }

    [Fact]
    public void A_completed_notebook_is_not_in_progress_but_is_not_abandoned()
    {
        var problem = Decided.Rejected(new Decision(Completed().RefusesNewDays(), []),
            StatusCodes.Status409Conflict, Refusals.NotebookCompleted);

        Assert.Contains("(5 / 5 days)", problem.Detail, StringComparison.Ordinal);
        Assert.Null(Completed().RefusesChanges());
    }

    [Fact]
    public void An_abandoned_notebook_is_neither_in_progress_nor_not_abandoned()
    {
        Decided.Conflict(new Decision(Abandoned().RefusesNewDays(), []), Refusals.NotebookAbandoned);
        Decided.Conflict(new Decision(Abandoned().RefusesChanges(), []), Refusals.NotebookAbandoned);
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

        Assert.Equal(events, InState(status).StatusAfter(daysLogged, plannedDays));
    }

    [Theory]
    [InlineData("UTC", "00:00", "2026-03-10T00:00:00Z", "2026-03-10")]
    [InlineData("UTC", "04:00", "2026-03-10T03:59:59Z", "2026-03-09")]
    [InlineData("UTC", "04:00", "2026-03-10T04:00:00Z", "2026-03-10")]
    [InlineData("America/New_York", "00:00", "2026-03-10T03:59:59Z", "2026-03-09")] // 23:59:59 EDT
    [InlineData("Pacific/Auckland", "00:00", "2026-03-10T11:00:00Z", "2026-03-11")] // 00:00 NZDT
    public void Today_is_the_date_in_the_notebooks_zone_from_its_day_start(string zone, string dayStartsAt, string now, string today) =>
        Assert.Equal(Date(today), Notebook(Started(timeZone: zone, dayStartsAt: dayStartsAt)).Today(Instant(now)));

    [Fact]
    public void Today_follows_a_changed_time_zone() =>
        Assert.Equal(Date("2026-03-11"),
            Notebook(new TimeZoneChanged("Pacific/Auckland", TimeOnly.MinValue)).Today(Instant("2026-03-10T12:00:00Z")));
}
