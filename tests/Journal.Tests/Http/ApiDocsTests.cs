using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
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
    public async Task Every_operation_is_written_for_a_reader_and_every_error_is_a_problem()
    {
        using var document = await Document();
        var components = document.RootElement.GetProperty("components");
        var findings = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var id = operation.GetProperty("operationId").GetString();
            if (id is null || !OperationId().IsMatch(id)) findings.Add($"{name}: operationId {id}");
            var description = operation.TryGetProperty("description", out var d) ? d.GetString() : null;
            if (string.IsNullOrWhiteSpace(description) || description == id) findings.Add($"{name}: no description");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var words = response.Value.GetProperty("description").GetString();
                if (words == ReasonPhrases.GetReasonPhrase(int.Parse(response.Name, CultureInfo.InvariantCulture)))
                    findings.Add($"{name} {response.Name}: only the reason phrase");
                if (int.Parse(response.Name, CultureInfo.InvariantCulture) < 400) continue;
                var problem = response.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                if (problem != "#/components/schemas/Problem") findings.Add($"{name} {response.Name}: {problem}");
            }
            foreach (var parameter in operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : default)
            {
                var schema = parameter.GetProperty("schema");
                var bare = schema.GetProperty("type").ValueKind == JsonValueKind.String && schema.GetProperty("type").GetString() == "string"
                    && !schema.TryGetProperty("format", out _) && !schema.TryGetProperty("enum", out _)
                    && !schema.TryGetProperty("pattern", out _) && !schema.TryGetProperty("minLength", out _);
                if (parameter.GetProperty("in").GetString() is "query" or "path" && bare)
                    findings.Add($"{name}: parameter {parameter.GetProperty("name").GetString()} is a bare string");
                if (!parameter.TryGetProperty("description", out _)) findings.Add($"{name}: parameter {parameter.GetProperty("name").GetString()} undescribed");
            }
            if (operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                var reference = json.GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
                var hasFields = components.GetProperty("schemas").GetProperty(reference).TryGetProperty("properties", out var fields) && fields.EnumerateObject().Any();
                if (hasFields && !json.TryGetProperty("example", out _)) findings.Add($"{name}: no example body");
            }
        }
        Assert.Empty(findings);

        var problemSchema = components.GetProperty("schemas").GetProperty("Problem");
        // Extension members are allowed (RFC 9457): additionalProperties is left out (true) or true.
        Assert.True(!problemSchema.TryGetProperty("additionalProperties", out var extensions) || extensions.GetBoolean());
        Assert.True(problemSchema.GetProperty("properties").TryGetProperty("traceId", out _));
        Assert.True(problemSchema.GetProperty("properties").TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("post", "/api/notebooks", "201", "Location ETag")]
    [InlineData("post", "/api/notebooks/{notebookId}/days", "201", "Location ETag")]
    [InlineData("put", "/api/notebooks/{notebookId}/plan", "200", "ETag")]
    [InlineData("get", "/api/notebooks/{notebookId}", "200", "ETag")]
    [InlineData("get", "/api/notebooks/{notebookId}", "304", "ETag")]
    [InlineData("get", "/api/notebooks/{notebookId}/days/{date}", "304", "ETag")]
    [InlineData("get", "/api/notebooks/{notebookId}/history", "200", "Link")]
    [InlineData("get", "/api/notebooks", "429", "Retry-After")]
    [InlineData("get", "/api/me", "503", "Retry-After")]
    [InlineData("get", "/api/me", "401", "WWW-Authenticate")]
    [InlineData("post", "/api/tokens", "201", "Location")]
    public async Task Response_headers_are_documented(string method, string path, string status, string headers)
    {
        using var document = await Document();
        var response = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);

        var declared = response.GetProperty("headers").EnumerateObject().Select(h => h.Name).ToHashSet();
        Assert.Superset(headers.Split(' ').ToHashSet(), declared);
    }

    [Fact]
    public async Task Conditional_and_idempotent_requests_are_documented_where_the_service_honours_them()
    {
        using var document = await Document();
        var headers = Operations(document).ToDictionary(o => o.Name, o => (o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : default)
            .Where(x => x.GetProperty("in").GetString() == "header").Select(x => x.GetProperty("name").GetString()).ToHashSet());

        Assert.Equal(["POST /api/notebooks", "POST /api/notebooks/{notebookId}/abandon", "POST /api/notebooks/{notebookId}/days",
                      "POST /api/notebooks/{notebookId}/resume", "POST /api/notebooks/{notebookId}/skips"],
            headers.Where(h => h.Value.Contains("Idempotency-Key")).Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["GET /api/notebooks/{notebookId}", "GET /api/notebooks/{notebookId}/days/{date}"],
            headers.Where(h => h.Value.Contains("If-None-Match")).Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.All(headers.Where(h => h.Key.Contains("/api/notebooks/{notebookId}/", StringComparison.Ordinal) && !h.Key.StartsWith("GET", StringComparison.Ordinal) && !h.Key.EndsWith("/share", StringComparison.Ordinal)),
            h => Assert.Contains("If-Match", h.Value));
    }

    [Fact]
    public async Task Times_of_day_are_described_as_the_local_times_they_are()
    {
        using var document = await Document();
        var dayStartsAt = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("StartNotebook")
            .GetProperty("properties").GetProperty("dayStartsAt");

        Assert.False(dayStartsAt.TryGetProperty("format", out _));
        Assert.Equal(Journal.Http.LocalTimes.Pattern, dayStartsAt.GetProperty("pattern").GetString());
    }

    private async Task<JsonDocument> Document()
    {
        var response = await Host.Send(HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));

    [GeneratedRegex("^[a-z][A-Za-z]+$")]
    private static partial Regex OperationId();

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
