using System.Net;
using Journal.Contracts;

namespace Journal.Tests.Http;

/// <summary>Client mistakes are 4xx problem details, never a 500, and append nothing.</summary>
public sealed class HttpErrorTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("""{"title":"x",""", "/problems/malformed-request")]
    [InlineData("""{"title":"x","surprise":true}""", "/problems/malformed-request")]
    [InlineData("""{"title":42}""", "/problems/malformed-request")]
    [InlineData("""{"title":"x","minutes":"45"}""", "/problems/malformed-request")]
    [InlineData("""{"title":"x","minutes":99999999999}""", "/problems/malformed-request")]
    [InlineData("""{"title":"x","date":"2026-02-30"}""", "/problems/malformed-request")]
    [InlineData("""[1,2,3]""", "/problems/malformed-request")]
    [InlineData("""null""", "/problems/malformed-request")]
    [InlineData("""{"title":"\ud800"}""", "/problems/malformed-request")]
    [InlineData("""{"title":"x","title":"y","entry":{"a":{"b":{"c":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}}""", "/problems/malformed-request")]
    [InlineData("", "/problems/malformed-request")]
    [InlineData("""{"title":"x","title":"y"}""", "/problems/malformed-request")]
    public async Task Bad_bodies_are_400_problem_details(string body, string type)
    {
        var id = await Host.StartedNotebook();

        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/days", body);

        await response.Problem(HttpStatusCode.BadRequest, type);
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task Unknown_fields_are_named_in_the_problem()
    {
        var response = await Host.SendRaw(HttpMethod.Post, "/api/notebooks", """{"title":"x","plan":{"days":1,"spanDays":1},"colour":"red"}""");

        var problem = await response.Problem(HttpStatusCode.BadRequest, "/problems/malformed-request");
        Assert.Contains("colour", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bodies_over_256_KiB_are_413()
    {
        var id = await Host.StartedNotebook();
        var body = $$"""{"title":"x","entry":"{{new string('e', 300 * 1024)}}"}""";

        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/days", body);

        await response.Problem(HttpStatusCode.RequestEntityTooLarge, "/problems/request-too-large");
        Assert.Single(await Host.Events(id));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Bodies_that_are_not_json_are_415(string contentType)
    {
        var id = await Host.StartedNotebook();

        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/days", "title=x", contentType);

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Single(await Host.Events(id));
    }

    [Theory]
    [InlineData("POST", "/days")]
    [InlineData("POST", "/skips")]
    [InlineData("PUT", "/days/2026-03-02")]
    [InlineData("DELETE", "/days/2026-03-02")]
    [InlineData("DELETE", "/skips/2026-03-02")]
    [InlineData("PUT", "/plan")]
    [InlineData("PUT", "/time-zone")]
    [InlineData("POST", "/abandon")]
    [InlineData("POST", "/resume")]
    public async Task Unknown_notebooks_are_404(string method, string path)
    {
        var body = path switch
        {
            "/days" => (object)new LogDay("x"),
            "/days/2026-03-02" when method == "PUT" => new ReviseDay("x"),
            "/skips" => new SkipDay(),
            "/plan" => new ChangePlan(1, 1),
            "/time-zone" => new ChangeTimeZone("UTC"),
            _ => null,
        };
        var response = await Host.Send(new HttpMethod(method), $"/api/notebooks/{Guid.CreateVersion7()}{path}", body);

        await response.Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415()
    {
        var id = await Host.StartedNotebook();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/notebooks/{id}/days") { Content = new ByteArrayContent("""{"title":"x"}"""u8.ToArray()) };

        var response = await Host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task The_empty_guid_names_no_notebook()
    {
        var response = await Host.Send(HttpMethod.Post, $"/api/notebooks/{Guid.Empty}/days", new LogDay("x"));

        await response.Problem(HttpStatusCode.NotFound, "/problems/notebook-not-found");
    }

    [Fact]
    public async Task Problems_are_json_even_when_accept_asks_for_something_else()
    {
        var id = await Host.StartedNotebook();

        var response = await Host.SendRaw(HttpMethod.Post, $"/api/notebooks/{id}/days", """{"title":""}""", headers: ("Accept", "application/xml"));

        await response.Problem(HttpStatusCode.NotAcceptable, "/problems/not-acceptable");
        Assert.Single(await Host.Events(id));
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_a_current_one_succeeds()
    {
        var id = await Host.StartedNotebook();
        await Host.LoggedDay(id, "2026-03-02");

        var stale = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("x", new DateOnly(2026, 3, 3)), ("If-Match", "\"1\""));
        await stale.Problem(HttpStatusCode.PreconditionFailed, "/problems/version-mismatch");
        Assert.Equal(2, (await Host.Events(id)).Count);

        var current = await Host.Send(HttpMethod.Put, $"/api/notebooks/{id}/plan", new ChangePlan(6, 7), ("If-Match", "\"2\""));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var garbage = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/resume", null, ("If-Match", "not-an-etag"));
        await garbage.Problem(HttpStatusCode.PreconditionFailed, "/problems/version-mismatch");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problem_details()
    {
        await (await Host.Send(HttpMethod.Get, "/api/nothing-here")).Problem(HttpStatusCode.NotFound, "/problems/not-found");
        await (await Host.Send(HttpMethod.Patch, "/api/notebooks", new { })).Problem(HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed");
    }
}
