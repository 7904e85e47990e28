using Journal.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Journal.Tests.Telemetry;

/// <summary>The rules: how far each async projection is behind, and when that makes a node Degraded.</summary>
public sealed class TelemetryProjectionLagRuleTests
{
    [Fact]
    public void A_shard_is_behind_by_the_events_after_its_position()
    {
        var lags = ProjectionLagRules.Measure(["Study:All", "Other:All"], [("Study:All", 90), ("HighWaterMark", 100), ("Gone:All", 3)], newest: 100);
        Assert.Equal([new ShardLag("Study:All", 90, 10), new ShardLag("Other:All", 0, 100)], lags);
    }

    [Fact]
    public void A_shard_kept_per_tenant_is_as_far_behind_as_its_slowest_tenant()
    {
        var lags = ProjectionLagRules.Measure(["Study:All"], [("Study:All:a", 90), ("Study:All:b", 40), ("Study:Allx", 1)], newest: 100);
        Assert.Equal([new ShardLag("Study:All", 40, 60)], lags);
    }

    [Fact]
    public void A_position_past_the_newest_event_is_not_negative_lag() =>
        Assert.Equal(0, ProjectionLagRules.Measure(["Study:All"], [("Study:All", 7)], newest: 5).Single().Behind);

    [Fact]
    public void No_async_projections_is_healthy() =>
        Assert.Equal(HealthStatus.Healthy, ProjectionLagRules.Assess([], 10).Status);

    [Theory]
    [InlineData(10, HealthStatus.Healthy)]
    [InlineData(11, HealthStatus.Degraded)]
    public void Behind_by_more_than_the_threshold_is_degraded_not_unhealthy(long behind, HealthStatus expected)
    {
        var result = ProjectionLagRules.Assess([new ShardLag("Fast:All", 100, 0), new ShardLag("Study:All", 100 - behind, behind)], maxLag: 10);
        Assert.Equal(expected, result.Status);
        Assert.Equal(behind, result.Data["Study:All"]);
        if (expected == HealthStatus.Degraded) Assert.Equal("Study:All is 11 events behind (more than 10)", result.Description);
    }
}

/// <summary>The check in the running app: while a test holds the test host's LagProbe projection, appends put it behind.</summary>
public sealed class TelemetryProjectionLagTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Ready_is_degraded_while_an_async_projection_is_too_far_behind_and_healthy_once_it_caught_up()
    {
        Fixture.Health.MaxProjectionLag = 3;
        using var hold = LagProbeProjection.Hold();
        var id = await Host.StartedNotebook();
        foreach (var date in new[] { "2026-03-02", "2026-03-03", "2026-03-04" }) await Host.LoggedDay(id, date);

        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); s.ContentShouldBe("Degraded"); });
        var report = await Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"), TestContext.Current.CancellationToken);
        var lag = report.Entries[ProjectionLagCheck.Name];
        Assert.Equal(HealthStatus.Degraded, lag.Status);
        var behind = (long)lag.Data[$"{LagProbeProjection.Name}:All"];
        Assert.True(behind > 3, $"{behind} events behind");
        Assert.Equal(behind, (await Host.MetricsAsync()).Sum("journal_projection_lag", ("journal_projection", $"{LagProbeProjection.Name}:All")));

        using (Fixture.Spans.Record())
        {
            hold.Dispose();
            await Host.CatchUpAsyncProjections();
            // Marten's daemon traces the pages it processes.
            Assert.Contains(await Fixture.Spans.WaitFor(s => s.Source.Name == "Marten"), s => s.Source.Name == "Marten");
        }

        await Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); s.ContentShouldBe("Healthy"); });
        Assert.Equal(0, (await Host.MetricsAsync()).Sum("journal_projection_lag", ("journal_projection", $"{LagProbeProjection.Name}:All")));
    }
}
