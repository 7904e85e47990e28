using Journal.Contracts;
using Journal.Notebooks.Progress;
using Journal.Web.Pages.Notebooks;

namespace Journal.Web;

/// <summary>
/// A notebook as a reader sees it, drawn by the _NotebookView partial for its owner (with the forms named by
/// <paramref name="Forms"/>) and for anyone with a share link (read-only, no forms).
/// </summary>
/// <param name="DaysAddress">Where its day pages are: /notebooks/{id}/days or /s/{slug}/days.</param>
public sealed record NotebookView(
    NotebookProgressResponse Progress, StudyCalendarView Calendar, IReadOnlyList<TimelineEntry> Timeline, DateOnly Today,
    string DaysAddress, string? Forms = null, object? FormsModel = null)
{
    public static NotebookView Of(NotebookProgress progress, DateTimeOffset now, string daysAddress)
    {
        var today = ProgressView.Today(progress, now);
        var view = ProgressView.Build(progress, today);
        return new NotebookView(view, StudyCalendar.Build(CalendarFacts.Of(progress, today)),
            [.. view.Days.Select(d => new TimelineEntry(d.Date, d, null))
                .Concat(view.Skips.Select(s => new TimelineEntry(s.Date, null, s)))
                .OrderBy(entry => entry.Date)],
            today, daysAddress);
    }
}
