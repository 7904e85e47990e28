using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Journal.Contracts;
using Journal.Tests.Web;

namespace Journal.Tests.Http;

/// <summary>HTTP as clients and browsers expect it: HEAD, 405 with Allow, media types, hosts, headers, messages.</summary>
public sealed class HttpSemanticsTests(JournalHost fixture) : IntegrationTest(fixture)
{
    private async Task<HttpResponseMessage> Raw(HttpMethod method, string url, string? body = null, string? contentType = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        foreach (var (name, value) in headers)
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        return await Host.Client().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("/api/notebooks")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/")]
    [InlineData("/health/ready")]
    [InlineData("/signin")]
    public async Task Head_answers_wherever_get_does_with_no_body(string url)
    {
        var get = await Raw(HttpMethod.Get, url);
        var head = await Raw(HttpMethod.Head, url);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Head_answers_for_assets_and_notebooks_too()
    {
        var id = await Host.StartedNotebook();
        var css = (await Host.Page("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await Raw(HttpMethod.Head, css)).StatusCode);
        var head = await Raw(HttpMethod.Head, $"/api/notebooks/{id}");
        Assert.Equal((HttpStatusCode.OK, "\"1\""), (head.StatusCode, head.Headers.ETag?.Tag));
    }

    [Theory]
    [InlineData("DELETE", "/", "GET, HEAD")]
    [InlineData("PUT", "/notebooks/{0}", "GET, HEAD, POST")]
    [InlineData("PATCH", "/notebooks/new", "GET, HEAD, POST")]
    [InlineData("POST", "/", "GET, HEAD")]
    public async Task A_method_a_page_does_not_take_is_405_with_allow(string method, string url, string allow)
    {
        var id = await Host.StartedNotebook();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, id), UriKind.Relative));
        request.Headers.Add("Cookie", await Host.SignedIn());
        var response = await Host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        await response.Problem(HttpStatusCode.MethodNotAllowed, "/problems/method-not-allowed");
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("APPLICATION/JSON")]
    [InlineData("Application/Json; Charset=UTF-8")]
    [InlineData("application/json; charset=utf-8")]
    public async Task Media_types_are_matched_without_regard_to_case(string contentType)
    {
        var response = await Raw(HttpMethod.Post, "/api/notebooks", """{"title":"Cased","plan":{"days":5,"spanDays":7}}""", contentType);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16", null)]
    [InlineData("application/json; charset=iso-8859-1", null)]
    [InlineData("application/json", "gzip")]
    [InlineData("application/json", "br")]
    [InlineData("text/plain", null)]
    public async Task A_body_in_another_charset_or_compressed_is_415_and_appends_nothing(string contentType, string? encoding)
    {
        var before = await Host.EventRows();
        var headers = encoding is null ? Array.Empty<(string, string)>() : [("Content-Encoding", encoding)];
        var response = await Raw(HttpMethod.Post, "/api/notebooks", """{"title":"x","plan":{"days":5,"spanDays":7}}""", contentType, headers);

        await response.Problem(HttpStatusCode.UnsupportedMediaType, "/problems/unsupported-media-type");
        Assert.Equal(before, await Host.EventRows());
    }

    [Fact]
    public async Task Only_the_configured_host_names_are_answered()
    {
        var client = Host.Server.CreateClient();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rebound, TestContext.Current.CancellationToken)).StatusCode);
        using var loopback = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        loopback.Headers.Host = "127.0.0.1:5080";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(loopback, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/api/notebooks")]
    [InlineData("/api/nothing-here")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs/")]
    [InlineData("/health/ready")]
    public async Task Every_answer_says_nosniff(string url) =>
        Assert.Equal("nosniff", (await Raw(HttpMethod.Get, url)).Headers.GetValues("X-Content-Type-Options").Single());

    [Fact]
    public async Task The_reference_page_has_a_policy_that_allows_only_its_own_scripts()
    {
        var response = await Raw(HttpMethod.Get, "/docs/");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"title":"x","plan":{"days":"5","spanDays":7}}""", "$.plan.days")]
    [InlineData("""{"title":"x","plan":{"days":5,"spanDays":7},"startDate":"2026-13-01"}""", "$.startDate")]
    [InlineData("""{"title":"x","plan":{"days":5,"spanDays":7},"dayStartsAt":"25:00"}""", "$.dayStartsAt")]
    public async Task Messages_say_where_without_dotnet_type_names(string body, string path)
    {
        var problem = await (await Raw(HttpMethod.Post, "/api/notebooks", body, "application/json")).Problem(HttpStatusCode.BadRequest, "/problems/malformed-request");

        Assert.Contains(path, problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Journal.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_inputs_are_not_echoed_back()
    {
        var zone = new string('z', 5_000);
        var response = await Raw(HttpMethod.Post, "/api/notebooks", $$"""{"title":"x","plan":{"days":5,"spanDays":7},"timeZone":"{{zone}}"}""", "application/json");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 1_000, $"{text.Length} characters answered");
    }

    [Fact]
    public async Task The_index_total_is_the_filters_total_on_every_page()
    {
        for (var i = 0; i < 3; i++) await Host.StartedNotebook(Api.RustOwnership() with { Title = $"N{i}" });

        var past = await (await Host.Send(HttpMethod.Get, "/api/notebooks?page=4&pageSize=1")).Read<NotebookIndexResponse>(HttpStatusCode.OK);

        Assert.Empty(past.Items);
        Assert.Equal(3, past.Total);
    }
}
