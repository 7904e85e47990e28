using static Journal.Tests.Notebooks.Rules.Values;

using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using WriteModel = Journal.Notebooks.Notebook;

namespace Journal.Tests.Notebooks.Deciders;

/// <summary>
/// Notebooks in a given state, made the way the service makes them: the progress projection folds the events,
/// and the write model is read from the result. The default is the worked example's "Rust ownership"
/// (5 days over 7, 45 minutes a day, from Monday 2026-03-02), kept in UTC so that instants read as dates.
/// </summary>
internal static class Given
{
    public static readonly Guid NotebookId = Guid.Parse("01950000-0000-7000-8000-000000000001");

    /// <summary>2026-03-10 12:00 UTC: "today" is 2026-03-10 for the default notebook.</summary>
    public const string Now = "2026-03-10T12:00:00Z";

    public static NotebookStarted Started(
        int days = 5, int spanDays = 7, string startDate = "2026-03-02", string timeZone = "UTC", string dayStartsAt = "00:00") =>
        new(NotebookId, "Rust ownership", null, new Plan(days, spanDays, 45), Date(startDate), timeZone, Time(dayStartsAt));

    /// <summary>The default notebook after <paramref name="events"/>.</summary>
    public static WriteModel Notebook(params object[] events) => Notebook(Started(), events);

    /// <summary>The notebook <paramref name="started"/> began, after <paramref name="events"/>; its version counts them all.</summary>
    public static WriteModel Notebook(NotebookStarted started, params object[] events)
    {
        if (events.FirstOrDefault(e => !NotebookEvents.Names.ContainsKey(e.GetType()) || e is NotebookStarted) is { } stranger)
            throw new ArgumentException($"{stranger.GetType().Name} is not an event of a started notebook.", nameof(events));
        var stream = new object[] { started }.Concat(events).Select((e, i) =>
        {
            var wrapped = (JasperFx.Events.IEvent)Activator.CreateInstance(typeof(JasperFx.Events.Event<>).MakeGenericType(e.GetType()), e)!;
            wrapped.Version = i + 1;
            return wrapped;
        });
        return WriteModel.From(ProgressFold.Fold(stream)!);
    }

    /// <summary>An entry recorded on its own date.</summary>
    public static DayLogged Logged(string date) =>
        new(Date(date), $"Study on {date}", null, null, 45, Date(date), Backfilled: false, SupersededSkip: false);

    /// <summary>A rest day recorded on its own date.</summary>
    public static DaySkipped Skipped(string date) => new(Date(date), null, Date(date), Late: false);

    /// <summary>The first <paramref name="count"/> dates from 2026-03-02, each logged.</summary>
    public static DayLogged[] LoggedDays(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Logged(Date("2026-03-02").AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>Logged 03-02 .. 03-06: five of five days, completed.</summary>
    public static WriteModel Completed() => Notebook([.. LoggedDays(5), new NotebookCompleted(5, 5)]);

    /// <summary>Logged 03-02 and 03-03, then abandoned.</summary>
    public static WriteModel Abandoned() => Notebook([.. LoggedDays(2), new NotebookAbandoned("Busy month")]);

    public static WriteModel InState(NotebookStatus status) => status switch
    {
        NotebookStatus.InProgress => Notebook(LoggedDays(2)),
        NotebookStatus.Completed => Completed(),
        NotebookStatus.Abandoned => Abandoned(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
