using System.Net;
using System.Net.Http.Headers;
using Journal.Contracts;

namespace Journal.Tests.Notebooks.Exports;

/// <summary>Helpers for tests of exports and imports: downloads as bytes, uploads of files, the seed notebook.</summary>
public static class Exports
{
    public static async Task<byte[]> Download(this IAlbaHost host, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    /// <summary>POST /api/import of <paramref name="file"/>, sent as <paramref name="contentType"/>, by the token's account.</summary>
    public static async Task<HttpResponseMessage> Import(this IAlbaHost host, byte[] file, string contentType = "application/x-ndjson", string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The seed notebook of the pages: "Learning Rust", 10 days over 2 weeks, an hour a day, from April 27 in Berlin; six
    /// days logged (with full entries, one backfilled), a rest day on May 4. The clock is left on May 4, 2026.
    /// </summary>
    public static async Task<Guid> LearningRust(this IAlbaHost host, TestClock clock)
    {
        clock.Now = new DateTimeOffset(2026, 4, 27, 18, 0, 0, TimeSpan.Zero);
        var id = await host.StartedNotebook(new StartNotebook("Learning Rust", new Plan(10, 14, 60),
            Spark: "I keep *fighting* the borrow checker, and I want to understand **why** it wins.\n\n# Why now\n\nA new job starts in June; " +
                   "this is [the book](https://doc.rust-lang.org/book/) I am working through.",
            StartDate: new DateOnly(2026, 4, 27), TimeZone: "Europe/Berlin"));
        (string Title, string Summary, int Minutes)[] days =
        [
            ("Ownership", "Every value has one owner; assignment moves it.", 60),
            ("Borrowing", "Shared or mutable, never both at once.", 75),
            ("Slices", "Views into a collection without taking ownership.", 40),
            ("Lifetimes", "Annotations name how long references stay valid; they do not change it.", 90),
            ("Traits", "Shared behaviour, and how generics use it.", 60),
            ("Closures", "Fn, FnMut and FnOnce follow from what a closure captures.", 25),
        ];
        for (var i = 0; i < days.Length; i++)
        {
            // Each day logged that evening, but Lifetimes only the morning after (backfilled).
            clock.Now = new DateTimeOffset(2026, 4, 27, 19, 0, 0, TimeSpan.Zero).AddDays(i).AddHours(i == 3 ? 14 : 0);
            var response = await host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay(days[i].Title, new DateOnly(2026, 4, 27).AddDays(i), days[i].Summary,
                $"# {days[i].Title}\n\n{days[i].Summary}\n\n```rust\n# fn main() {{ println!(\"day {i + 1}\"); }}\n```\n\n- read the chapter\n- did the exercises",
                days[i].Minutes));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        clock.Now = new DateTimeOffset(2026, 5, 4, 7, 0, 0, TimeSpan.Zero);
        await host.SkippedDay(id, "2026-05-04", "A long walk instead");
        return id;
    }
}
