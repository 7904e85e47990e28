using System.Diagnostics;
using Journal.Notebooks;

namespace Journal.Http;

/// <summary>
/// Journal's own spans in a command's trace: the decision and the append, between the HTTP span and the SQL that
/// Marten and Npgsql trace. Nothing is recorded unless tracing is on (no listener: <c>StartActivity</c> returns null).
/// </summary>
public static class JournalTracing
{
    public const string SourceName = "Journal";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Runs a decider inside a "decide" span that names the events it decided, or the problem type it refused with.</summary>
    public static Decision Decide(Func<Decision> decide)
    {
        using var activity = Source.StartActivity("decide");
        var decision = decide();
        if (activity is null) return decision;
        if (decision.Refusal is { } refusal) activity.SetTag("error.type", refusal.Type);
        else activity.SetTag("journal.events", string.Join(",", decision.Events.Select(e => e.GetType().Name)));
        return decision;
    }

    /// <summary>An "append" span around the commit of a notebook's events (the inserts and updates are its children).</summary>
    public static Activity? Append(Guid notebookId, int events)
    {
        var activity = Source.StartActivity("append");
        activity?.SetTag("journal.notebook.id", notebookId.ToString());
        activity?.SetTag("journal.events.count", events);
        return activity;
    }
}
