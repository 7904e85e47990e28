using Journal.Contracts;
using Journal.Notebooks.Progress;
using Journal.Web.Pages.Notebooks;

namespace Journal.Web;

/// <summary>
/// A notebook as a reader sees it, drawn by the _NotebookView partial for its owner (with the forms named by
/// <paramref name="Forms"/>) and for anyone with a share link (read-only, no forms).
/// </summary>
/// <param name="Address">The page: /notebooks/{id} or /s/{slug}; its day pages are under Address/days.</param>
public sealed record NotebookView(
    NotebookProgressResponse Progress, StudyCalendarView Calendar, IReadOnlyList<TimelineEntry> Timeline, DateOnly Today,
    string Address, string? Forms = null, object? FormsModel = null)
{
    public string DaysAddress => $"{Address}/days";

    /// <param name="calendarYear">The year of a calendar too long for one page, when the reader picked one.</param>
    /// <param name="texts">The day cards' titles and summaries (<see cref="DayTexts"/>).</param>
    public static NotebookView Of(NotebookProgress progress, IReadOnlyDictionary<DateOnly, DayText> texts, DateTimeOffset now, string address, int? calendarYear = null)
    {
        var today = ProgressView.Today(progress, now);
        var view = ProgressView.Build(progress, today, texts);
        return new NotebookView(view, StudyCalendar.Build(CalendarFacts.Of(progress, today), calendarYear),
            [.. view.Days.Select(d => new TimelineEntry(d.Date, d, null))
                .Concat(view.Skips.Select(s => new TimelineEntry(s.Date, null, s)))
                .OrderBy(entry => entry.Date)],
            today, address);
    }
}
