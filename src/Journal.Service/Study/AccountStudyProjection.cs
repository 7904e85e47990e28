using JasperFx.Events;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten.Events.Projections;

namespace Journal.Study;

/// <summary>
/// Every notebook event of an account, rolled up into the account's <see cref="AccountStudy"/>. Asynchronous: the
/// command path never waits for it, and with several nodes Wolverine runs it on exactly one of them.
/// </summary>
public sealed partial class AccountStudyProjection : MultiStreamProjection<AccountStudy, string>
{
    public new const string Name = "AccountStudy";

    public AccountStudyProjection()
    {
        base.Name = Name;
        RollUpByTenant();
    }

    public static void Apply(AccountStudy study, IEvent<NotebookStarted> e)
    {
        var started = e.Data;
        study.Notebooks.RemoveAll(n => n.Id == e.StreamId);
        study.Notebooks.Add(new StudyNotebook(e.StreamId, started.Title, started.TimeZone, started.DayStartsAt, EventTimes.Of(e)));
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<TimeZoneChanged> e)
    {
        var index = study.Notebooks.FindIndex(n => n.Id == e.StreamId);
        if (index >= 0) study.Notebooks[index] = study.Notebooks[index] with { TimeZone = e.Data.TimeZone, DayStartsAt = e.Data.DayStartsAt };
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<DayLogged> e)
    {
        // A date holds one entry (the decider refuses a second; a retraction removed the one before), so logging adds
        // without searching: a long history costs a new day nothing.
        study.Entries.Add(new StudyEntry(e.StreamId, e.Data.Date, e.Data.Minutes ?? 0));
        // An entry on a skipped date replaces the skip.
        if (e.Data.SupersededSkip) study.RestDays.RemoveAll(r => r.NotebookId == e.StreamId && r.Date == e.Data.Date);
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<DayRevised> e)
    {
        var index = study.Entries.FindIndex(d => d.NotebookId == e.StreamId && d.Date == e.Data.Date);
        if (index >= 0) study.Entries[index] = study.Entries[index] with { Minutes = e.Data.Minutes ?? 0 };
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<DayRetracted> e)
    {
        study.Entries.RemoveAll(d => d.NotebookId == e.StreamId && d.Date == e.Data.Date);
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<DaySkipped> e)
    {
        study.RestDays.RemoveAll(r => r.NotebookId == e.StreamId && r.Date == e.Data.Date);
        study.RestDays.Add(new StudyRest(e.StreamId, e.Data.Date));
        Seen(study, e);
    }

    public static void Apply(AccountStudy study, IEvent<SkipCancelled> e)
    {
        study.RestDays.RemoveAll(r => r.NotebookId == e.StreamId && r.Date == e.Data.Date);
        Seen(study, e);
    }

    private static void Seen(AccountStudy study, IEvent e) => study.LastSequence = Math.Max(study.LastSequence, e.Sequence);
}
