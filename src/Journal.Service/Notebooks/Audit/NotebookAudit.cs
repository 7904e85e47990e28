using System.Text.Json;
using JasperFx.Events;
using Journal.Contracts;
using Journal.Notebooks.Progress;
using Journal.Notebooks.Rules;
using Marten;

namespace Journal.Notebooks.Audit;

/// <summary>
/// Replays a notebook's stream from nothing with today's code and compares every stored figure of its
/// progress with the replayed one, and explains its runs of study.
/// </summary>
public static class NotebookAudit
{
    /// <returns>Null when the notebook has no stream.</returns>
    public static async Task<AuditResponse?> RunAsync(IQuerySession session, Guid id, DateTimeOffset now, JsonSerializerOptions json, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) return null;
        var stored = await session.LoadAsync<NotebookProgress>(id, ct);
        return Compare(stored, events, now, json);
    }

    public static AuditResponse Compare(NotebookProgress? stored, IReadOnlyList<IEvent> events, DateTimeOffset now, JsonSerializerOptions json)
    {
        var replayed = ProgressFold.Fold(events) ?? throw new InvalidOperationException("A notebook stream must start with notebook_started.");
        var today = ProgressView.Today(replayed, now);
        var summary = Streaks.Summarize(replayed.Days.Select(d => d.Date), replayed.Skips.Select(s => s.Date), today);
        var differences = Differences(stored, replayed, json);
        return new AuditResponse(
            differences.Count == 0,
            differences,
            [.. summary.Runs.Select(r => new AuditRun(r.From, r.To, r.Length, r.RestedDates, r.EndedBy))],
            [.. replayed.Days.Where(d => d.Backfilled).Select(d => d.Date)],
            [.. replayed.Skips.Where(s => s.Late).Select(s => s.Date)]);
    }

    /// <summary>Every top-level field of the stored document that differs from the replay, by its JSON name.</summary>
    public static IReadOnlyList<AuditDifference> Differences(NotebookProgress? stored, NotebookProgress replayed, JsonSerializerOptions json)
    {
        var replayedJson = JsonSerializer.SerializeToElement(replayed, json);
        if (stored is null) return [new AuditDifference("(document)", null, replayedJson)];
        var storedJson = JsonSerializer.SerializeToElement(stored, json);
        var differences = new List<AuditDifference>();
        foreach (var field in replayedJson.EnumerateObject())
        {
            JsonElement? storedValue = storedJson.TryGetProperty(field.Name, out var s) ? s : null;
            if (storedValue is null || !JsonElement.DeepEquals(storedValue.Value, field.Value))
                differences.Add(new AuditDifference(field.Name, storedValue, field.Value));
        }
        return differences;
    }
}
