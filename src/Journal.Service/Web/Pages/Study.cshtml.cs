using Journal.Contracts;
using Journal.Http.Security;
using Journal.Study;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Journal.Web.Pages;

/// <summary>All notebooks together (GET /api/me/study as a page): the year's calendar, streaks, weekly minutes, totals.</summary>
public sealed class StudyModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    /// <summary>The weeks of minutes drawn: the last twelve.</summary>
    public const int RecentWeeks = 12;

    public StudyResponse Study { get; private set; } = null!;
    public StudyHeatmapView Heatmap { get; private set; } = null!;

    /// <summary>The last <see cref="RecentWeeks"/> ISO weeks up to this one, with their minutes (0 when none).</summary>
    public IReadOnlyList<StudyWeek> Weeks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Study = await StudyQuery.ReadAsync(store, User.AccountId(), clock.GetUtcNow(), ct);
        Heatmap = StudyHeatmap.Build(Study.Days, Study.Today);
        var minutes = Study.MinutesByWeek.ToDictionary(w => w.Starts, w => w);
        var thisMonday = Heatmap.Weeks[^1][0].Date;
        Weeks = [.. Enumerable.Range(0, RecentWeeks).Select(i => thisMonday.AddDays(-7 * (RecentWeeks - 1 - i)))
            .Select(monday => minutes.GetValueOrDefault(monday) ?? new StudyWeek(Week(monday), monday, 0))];
    }

    private static string Week(DateOnly monday) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{System.Globalization.ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}");
}
