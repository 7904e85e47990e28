using System.Net;
using Journal.Contracts;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks.Endpoints;

public sealed class StartNotebookEndpointTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Starting_a_notebook_answers_201_with_location_id_version_and_etag()
    {
        var response = await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership());

        var body = await response.Read<NotebookStartedResponse>(HttpStatusCode.Created);
        Assert.Equal(new NotebookStartedResponse(body.Id, 1), body);
        Assert.Equal(7, body.Id.Version);
        Assert.Equal($"/api/notebooks/{body.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        var started = Assert.IsType<NotebookStarted>(Assert.Single(await Host.Events(body.Id)));
        Assert.Equal(new NotebookStarted(body.Id, "Rust ownership", "The borrow checker keeps *winning*.", new Plan(5, 7, 45),
            new DateOnly(2026, 3, 2), "America/New_York", TimeOnly.MinValue), started);
    }

    [Fact]
    public async Task Defaults_are_utc_midnight_and_today_and_text_is_trimmed()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 4, 27, 23, 30, 0, TimeSpan.Zero));
        var id = await Host.StartedNotebook(new StartNotebook("  Linear algebra  ", new Plan(10, 14, 60)));

        var started = Assert.IsType<NotebookStarted>(Assert.Single(await Host.Events(id)));
        Assert.Equal(new NotebookStarted(id, "Linear algebra", null, new Plan(10, 14, 60), new DateOnly(2026, 4, 27), "UTC", TimeOnly.MinValue), started);
    }

    [Fact]
    public async Task Start_date_defaults_to_today_in_the_notebooks_zone_and_day_start()
    {
        // 02:30 UTC on March 10 is 22:30 on March 9 in New York.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.Zero));
        var id = await Host.StartedNotebook(new StartNotebook("Night owl", new Plan(3, 3), TimeZone: "America/New_York"));
        Assert.Equal(new DateOnly(2026, 3, 9), ((NotebookStarted)(await Host.Events(id))[0]).StartDate);

        // 04:30 UTC on March 10 is 00:30 in New York, before a 01:00 day start: still March 9.
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 4, 30, 0, TimeSpan.Zero));
        var owl = await Host.StartedNotebook(new StartNotebook("Night owl 2", new Plan(3, 3), TimeZone: "America/New_York", DayStartsAt: new TimeOnly(1, 0)));
        Assert.Equal(new DateOnly(2026, 3, 9), ((NotebookStarted)(await Host.Events(owl))[0]).StartDate);
    }

    [Fact]
    public async Task A_client_chosen_id_is_used_and_a_taken_id_is_a_409()
    {
        var id = Guid.CreateVersion7();
        Assert.Equal(id, await Host.StartedNotebook(Api.RustOwnership(id)));

        var again = await Host.Send(HttpMethod.Post, "/api/notebooks", Api.RustOwnership(id) with { Title = "Other" });

        await again.Problem(HttpStatusCode.Conflict, "/problems/notebook-exists");
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task Every_invalid_field_is_named_in_one_400()
    {
        var response = await Host.Send(HttpMethod.Post, "/api/notebooks", new StartNotebook(
            "   ", new Plan(0, 800, 0), Id: Guid.Empty, Spark: new string('x', 10_001), StartDate: new DateOnly(1969, 12, 31), TimeZone: "Mars/Olympus"));

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal(["id", "plan.days", "plan.minutesPerDay", "plan.spanDays", "spark", "startDate", "timeZone", "title"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"title":"x","plan":{"days":10,"spanDays":9}}""", "plan.spanDays")]
    [InlineData("""{"title":"x"}""", "plan")]
    [InlineData("""{"plan":{"days":1,"spanDays":1}}""", "title")]
    [InlineData("""{"title":"a\u0007b","plan":{"days":1,"spanDays":1}}""", "title")]
    [InlineData("""{"title":"x","spark":"nul \u0000 here","plan":{"days":1,"spanDays":1}}""", "spark")]
    [InlineData("""{"title":"x","plan":{"days":1,"spanDays":1},"timeZone":"Pacific Standard Time"}""", "timeZone")]
    public async Task Invalid_values_are_400s_naming_the_field(string json, string field)
    {
        var response = await Host.SendRaw(HttpMethod.Post, "/api/notebooks", json);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/validation-failed");
        Assert.Equal([field], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Multiline_spark_keeps_newlines_and_tabs_and_normalises_crlf()
    {
        var id = await Host.StartedNotebook(new StartNotebook("T", new Plan(1, 1), Spark: "line one\r\n\tline two"));
        Assert.Equal("line one\n\tline two", ((NotebookStarted)(await Host.Events(id))[0]).Spark);
    }
}
