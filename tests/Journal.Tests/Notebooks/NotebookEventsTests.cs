using System.Net;
using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Progress;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests.Notebooks;

/// <summary>
/// Every event type in the stored-name table goes through the fold, the inline projection, time travel and the audit:
/// a new event type that one of them forgets fails here (and one without a sample below fails the first test).
/// </summary>
public sealed class NotebookEventsTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    /// <summary>Each event type, as it would follow <see cref="Before"/>: started, Monday logged, Tuesday rested.</summary>
    private static readonly IReadOnlyDictionary<Type, object> Samples = new Dictionary<Type, object>
    {
        [typeof(NotebookStarted)] = new NotebookStarted(Guid.Empty, "Again", null, new Plan(3, 7), Monday, "UTC", TimeOnly.MinValue),
        [typeof(DayLogged)] = new DayLogged(Monday.AddDays(2), "Wednesday", "Sum", "Entry", 30, Monday.AddDays(8), Backfilled: true, SupersededSkip: false),
        [typeof(DayRevised)] = new DayRevised(Monday, "Monday, revised", null, null, 20),
        [typeof(DayRetracted)] = new DayRetracted(Monday),
        [typeof(DaySkipped)] = new DaySkipped(Monday.AddDays(3), "Rest", Monday.AddDays(8), Late: true),
        [typeof(SkipCancelled)] = new SkipCancelled(Monday.AddDays(1)),
        [typeof(PlanChanged)] = new PlanChanged(new Plan(4, 10, 30)),
        [typeof(TimeZoneChanged)] = new TimeZoneChanged("Europe/Berlin", new TimeOnly(4, 0)),
        [typeof(NotebookCompleted)] = new NotebookCompleted(1, 1),
        [typeof(NotebookReopened)] = new NotebookReopened(1, 3),
        [typeof(NotebookAbandoned)] = new NotebookAbandoned("Busy"),
        [typeof(NotebookResumed)] = new NotebookResumed(),
    };

    private static object[] Before(Guid id) =>
    [
        new NotebookStarted(id, "Every event", null, new Plan(3, 7), Monday, "UTC", TimeOnly.MinValue),
        new DayLogged(Monday, "Monday", null, null, 45, Monday, Backfilled: false, SupersededSkip: false),
        new DaySkipped(Monday.AddDays(1), null, Monday.AddDays(1), Late: false),
    ];

    public static TheoryData<string> StoredNames => [.. NotebookEvents.Names.Values];

    [Fact]
    public void Every_stored_event_type_has_a_sample_here() =>
        Assert.Equal(NotebookEvents.Names.Keys.Select(t => t.Name).Order(StringComparer.Ordinal), Samples.Keys.Select(t => t.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(StoredNames))]
    public async Task The_event_is_folded_projected_travelled_through_and_audited(string storedName)
    {
        var type = NotebookEvents.Names.Single(n => n.Value == storedName).Key;
        var id = Guid.CreateVersion7();
        var sample = Samples[type] is NotebookStarted again ? again with { NotebookId = id } : Samples[type];
        await using (var session = Fixture.Store.LightweightSession(Owner.Id.ToString()))
        {
            session.Events.StartStream<NotebookProgress>(id, [.. Before(id), sample]);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken); // the inline projection folds it, or throws
        }

        await using var query = Fixture.Store.QuerySession(Owner.Id.ToString());
        var events = await query.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
        Assert.Equal(storedName, events[^1].EventTypeName);
        var stored = await query.LoadAsync<NotebookProgress>(id, TestContext.Current.CancellationToken);
        Assert.Equal(4, stored?.Version);
        Assert.Equal(4, ProgressFold.Fold(events)?.Version);

        var audit = await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}/audit")).Read<AuditResponse>(HttpStatusCode.OK);
        Assert.True(audit.Consistent, string.Join(", ", audit.Differences.Select(d => d.Field)));
        foreach (var travel in new[] { "version=4", "on=2026-03-20", $"asOf={DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}" })
            await (await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}?{travel}")).Read<NotebookProgressResponse>(HttpStatusCode.OK);
    }
}
