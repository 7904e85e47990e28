using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Journal.Tests;

/// <summary>Small helpers to drive the public HTTP API from tests.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A client that sends the owner's token; a request that sets Authorization itself (even empty) sends that instead.</summary>
    public static HttpClient Client(this IAlbaHost host)
    {
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Owner.Token);
        return client;
    }

    /// <summary>A client that sends no credentials at all.</summary>
    public static HttpClient Anonymous(this IAlbaHost host) => host.Server.CreateClient();

    public static Task<HttpResponseMessage> Send(this IAlbaHost host, HttpMethod method, string url, object? body = null,
        params (string Name, string Value)[] headers) =>
        host.SendRaw(method, url, body is null ? null : JsonSerializer.Serialize(body, Json), "application/json", headers);

    public static async Task<HttpResponseMessage> SendRaw(this IAlbaHost host, HttpMethod method, string url, string? body,
        string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await host.Client().SendAsync(request);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts a problem details answer and returns it.</summary>
    public static async Task<Problem> Problem(this HttpResponseMessage response, HttpStatusCode expected, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(text, Json)!;
        Assert.Equal(type, problem.Type);
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), text);
        return problem;
    }

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.Tag;

    public static StartNotebook RustOwnership(Guid? id = null) =>
        new("Rust ownership", new Plan(5, 7, 45), Id: id, Spark: "The borrow checker keeps *winning*.",
            StartDate: new DateOnly(2026, 3, 2), TimeZone: "America/New_York");

    /// <summary>
    /// Waits until every async projection has caught up with the newest event: the node's own daemon runs them
    /// (Wolverine assigns them to it), so the test only waits.
    /// </summary>
    public static Task CatchUpAsyncProjections(this IAlbaHost host) =>
        host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    public static async Task<Guid> StartedNotebook(this IAlbaHost host, StartNotebook? command = null, params (string Name, string Value)[] headers)
    {
        var response = await host.Send(HttpMethod.Post, "/api/notebooks", command ?? RustOwnership(), headers);
        return (await response.Read<NotebookStartedResponse>(HttpStatusCode.Created)).Id;
    }

    public static async Task<DayLoggedResponse> LoggedDay(this IAlbaHost host, Guid id, string date, int? minutes = 45, string title = "Studied")
    {
        var response = await host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay(title, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Minutes: minutes));
        return await response.Read<DayLoggedResponse>(HttpStatusCode.Created);
    }

    public static async Task<DayResponse> SkippedDay(this IAlbaHost host, Guid id, string date, string? reason = null)
    {
        var response = await host.Send(HttpMethod.Post, $"/api/notebooks/{id}/skips", new SkipDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), reason));
        return await response.Read<DayResponse>(HttpStatusCode.Created);
    }

    /// <summary>The stored events of a notebook's stream (used until the history endpoint exists).</summary>
    public static async Task<IReadOnlyList<object>> Events(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(Owner.Id.ToString());
        var events = await session.Events.FetchStreamAsync(id);
        return [.. events.Select(e => e.Data)];
    }

    /// <summary>The stored names of a notebook's events, in order.</summary>
    public static async Task<IReadOnlyList<string>> EventTypes(this IAlbaHost host, Guid id)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(Owner.Id.ToString());
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.EventTypeName)];
    }

    /// <summary>
    /// Rows in the event table, all streams together: what "nothing was appended" is checked against. Marten's
    /// tombstones are left out: it writes one when an append fails after taking sequence numbers (a taken
    /// notebook id), so that its daemon does not wait on the gap; they belong to no notebook.
    /// </summary>
    public static async Task<long> EventRows(this IAlbaHost host)
    {
        await using var connection = host.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {Journal.Hosting.Persistence.Schema}.mt_events WHERE type <> 'tombstone'";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

public sealed record Problem(string Type, string Title, int Status, string Detail, Dictionary<string, string[]>? Errors);
