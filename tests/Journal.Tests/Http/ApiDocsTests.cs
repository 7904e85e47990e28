using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Journal.Tests.Http;

public sealed partial class ApiDocsTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("post", "/api/notebooks", "201 400 409 413 415 422")]
    [InlineData("get", "/api/notebooks", "200 400")]
    [InlineData("get", "/api/notebooks/{notebookId}", "200 304 404")]
    [InlineData("post", "/api/notebooks/{notebookId}/days", "201 400 404 409 412 413 415 422")]
    [InlineData("get", "/api/notebooks/{notebookId}/days/{date}", "200 400 404")]
    [InlineData("put", "/api/notebooks/{notebookId}/days/{date}", "200 400 404 409 412 413 415")]
    [InlineData("delete", "/api/notebooks/{notebookId}/days/{date}", "200 400 404 409 412")]
    [InlineData("post", "/api/notebooks/{notebookId}/skips", "201 400 404 409 412 413 415 422")]
    [InlineData("delete", "/api/notebooks/{notebookId}/skips/{date}", "200 400 404 409 412")]
    [InlineData("put", "/api/notebooks/{notebookId}/plan", "200 400 404 409 412 413 415")]
    [InlineData("put", "/api/notebooks/{notebookId}/time-zone", "200 400 404 409 412 413 415")]
    [InlineData("post", "/api/notebooks/{notebookId}/abandon", "200 400 404 409 412 413 415 422")]
    [InlineData("post", "/api/notebooks/{notebookId}/resume", "200 404 409 412 422")]
    [InlineData("get", "/api/notebooks/{notebookId}/export", "200 400 404")]
    [InlineData("get", "/api/export", "200")]
    [InlineData("post", "/api/import", "200 201 400 409 413 415 422")]
    public async Task The_openapi_document_describes_each_endpoint_with_its_error_responses(string method, string path, string statuses)
    {
        var response = await Host.Send(HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        var documented = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(statuses.Split(' ').ToHashSet(), documented);
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_reference_page_loads_only_the_services_own_assets()
    {
        var page = await Host.Send(HttpMethod.Get, "/docs/");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var references = AssetReference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.DoesNotMatch("^(https?:)?//", r));
        foreach (var asset in references.Where(r => r.EndsWith(".js", StringComparison.Ordinal)))
            Assert.Equal(HttpStatusCode.OK, (await Host.Send(HttpMethod.Get, "/docs/" + asset)).StatusCode);
    }

    [GeneratedRegex("""(?:src|href)="([^"]+)""")]
    private static partial Regex AssetReference();
}
