using System.Globalization;
using System.Text.Json;
using JasperFx.Events;
using Journal.Contracts;
using Journal.Notebooks.Deciders;
using Journal.Notebooks.Progress;

namespace Journal.Notebooks.Exports;

/// <summary>
/// An imported history checked the only way that holds every rule: each command it records is decided again by the
/// very decider the API uses, at the instant the file says it was recorded, against the notebook folded so far; the
/// decision must be exactly the events the file holds next (the change and the completion or reopening it brings).
/// Pure: no clock, no database. A refusal or a different decision stops the import at that line.
/// </summary>
public static class NotebookReplay
{
    /// <returns>Null when every event is what the deciders decide at its time; else the first line that is not, and why.</returns>
    public static ImportProblem? Check(IReadOnlyList<ImportedEvent> events)
    {
        NotebookProgress? progress = null;
        for (var i = 0; i < events.Count;)
        {
            var e = events[i];
            if (e.Version != i + 1)
                return Problem(e, $"version {e.Version} where {i + 1} comes next: a notebook's events are numbered 1, 2, 3, … with none missing or repeated.");
            var decision = Decide(e, progress is null ? null : Notebook.From(progress), out var why);
            if (decision is null) return Problem(e, why!);
            if (decision.Refusal is { } refusal) return Problem(e, $"the service refuses it: {refusal.Detail}", refusal.Type);
            if (decision.Events.Count == 0)
                return Problem(e, $"{e.Type} changes nothing here (the notebook has that already), and the service records nothing for it.");

            for (var k = 0; k < decision.Events.Count; k++)
            {
                var expected = decision.Events[k];
                var name = NotebookEvents.Names[expected.GetType()];
                if (i + k >= events.Count)
                    return Problem(events[^1], $"the file ends here, but {e.Type} on line {e.Line} brings {name} with it ({Facts(expected)}).");
                var actual = events[i + k];
                if (k > 0 && actual.Version != i + k + 1)
                    return Problem(actual, $"version {actual.Version} where {i + k + 1} comes next: a notebook's events are numbered 1, 2, 3, … with none missing or repeated.");
                if (!Equals(expected, actual.Data))
                    return Problem(actual, k == 0
                        ? $"the service decides this {name} differently at {Instant(e.RecordedAt)}: {Differences(expected, actual.Data)}."
                        : $"{e.Type} on line {e.Line} brings {name} with it here ({Facts(expected)}), but the file holds {actual.Type} ({Facts(actual.Data)}).");
                progress = NotebookProgressProjection.After(progress, Wrap(actual));
            }
            i += decision.Events.Count;
        }
        return null;
    }

    /// <summary>The decision the event's command gets from its decider; null (and why) for an event no command makes.</summary>
    private static Decision? Decide(ImportedEvent e, Notebook? notebook, out string? why)
    {
        why = null;
        var now = e.RecordedAt;
        if (notebook is null)
        {
            if (e.Data is NotebookStarted s)
                return StartNotebookDecider.Decide(new StartNotebook(s.Title, s.Plan, s.NotebookId, s.Spark, s.StartDate, s.TimeZone, s.DayStartsAt), now, () => s.NotebookId);
            why = $"a notebook's events begin with notebook_started, not {e.Type}.";
            return null;
        }
        switch (e.Data)
        {
            case NotebookStarted:
                why = "a second notebook_started: each notebook is started once (one notebook's events per file).";
                return null;
            case NotebookCompleted or NotebookReopened:
                why = $"{e.Type} is recorded by the service itself, right after the change that brings it, and no change before this line does.";
                return null;
        }
        return e.Data switch
        {
            DayLogged d => LogDayDecider.Decide(new LogDay(d.Title, d.Date, d.Summary, d.Entry, d.Minutes), notebook, now),
            DayRevised r => ReviseDayDecider.Decide(new ReviseDay(r.Title, r.Summary, r.Entry, r.Minutes), notebook, Iso(r.Date)),
            DayRetracted r => RetractDayDecider.Decide(notebook, Iso(r.Date)),
            DaySkipped s => SkipDayDecider.Decide(new SkipDay(s.Date, s.Reason), notebook, now),
            SkipCancelled c => CancelSkipDecider.Decide(notebook, Iso(c.Date)),
            PlanChanged p => ChangePlanDecider.Decide(new ChangePlan(p.Plan.Days, p.Plan.SpanDays, p.Plan.MinutesPerDay), notebook),
            TimeZoneChanged z => ChangeTimeZoneDecider.Decide(new ChangeTimeZone(z.TimeZone, z.DayStartsAt), notebook),
            NotebookAbandoned a => AbandonNotebookDecider.Decide(new AbandonNotebook(a.Reason), notebook),
            NotebookResumed => ResumeNotebookDecider.Decide(notebook),
            _ => throw new InvalidOperationException($"{e.Data.GetType().Name} has no decider: add it to {nameof(NotebookReplay)}."),
        };
    }

    /// <summary>The event as the projection folds it: its version and recorded time with it.</summary>
    public static IEvent Wrap(ImportedEvent e)
    {
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.Data.GetType()), e.Data)!;
        wrapped.Version = e.Version;
        wrapped.Timestamp = e.RecordedAt;
        return wrapped;
    }

    /// <summary>"backfilled is true by the service's rules, false in the file; …"</summary>
    private static string Differences(object expected, object actual)
    {
        var (decided, held) = (EventLines.Facts(expected), EventLines.Facts(actual));
        var fields = decided.EnumerateObject()
            .Where(p => !held.TryGetProperty(p.Name, out var value) || !JsonElement.DeepEquals(p.Value, value))
            .Select(p => $"{p.Name} is {Shorten(p.Value.GetRawText())} by the service's rules, {(held.TryGetProperty(p.Name, out var value) ? Shorten(value.GetRawText()) : "missing")} in the file")
            .ToList();
        return fields.Count > 0 ? string.Join("; ", fields) : "they differ";
    }

    private static string Facts(object data) => Shorten(EventLines.Facts(data).GetRawText(), 200);

    private static string Shorten(string text, int max = 60) => text.Length <= max ? text : text[..max] + "…";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    private static ImportProblem Problem(ImportedEvent e, string reason, string? ruleType = null) =>
        new(e.File, e.Line, reason, ruleType, e.Version, e.Type);
}
