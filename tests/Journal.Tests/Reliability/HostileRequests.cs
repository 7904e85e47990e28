using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Journal.Http;

namespace Journal.Tests.Reliability;

/// <summary>One request a client should never send; <see cref="Category"/> groups them in the test's report.</summary>
public sealed record HostileRequest(string Category, string Name, HttpMethod Method, string Path, byte[]? Body = null,
    string? ContentType = "application/json", IReadOnlyList<(string Name, string Value)>? Headers = null, bool Chunked = false)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            // A stream of unknown length goes out chunked, with no Content-Length for the service to check first.
            message.Content = Chunked ? new StreamContent(new UnseekableStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers ?? [])
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public override string ToString() =>
        $"[{Category}] {Name}: {Method} {Shorten(Path)} ({Body?.Length ?? 0} bytes{(Chunked ? ", chunked" : "")}, {ContentType ?? "no content type"})";

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>
/// A generated corpus of bad requests against a notebook that exists (so that only the mistake stops them):
/// every one must be answered with a 4xx problem and append nothing. The notebook must be at
/// <paramref name="version"/>, started on 2026-03-02 with a plan of more than a few days, with an entry on
/// <paramref name="loggedDate"/> and a rest day on <paramref name="skippedDate"/>, "today" being 2026-03-10.
/// </summary>
public sealed class HostileRequests(Guid id, long version, string loggedDate, string skippedDate)
{
    private readonly List<HostileRequest> _all = [];
    private string Notebook => $"/api/notebooks/{id}";

    /// <summary>A valid body for each write that takes one, the raw material of most mutations.</summary>
    private IEnumerable<(HttpMethod Method, string Path, string Body)> Writes =>
    [
        (HttpMethod.Post, "/api/notebooks", """{"title":"Go","plan":{"days":5,"spanDays":7,"minutesPerDay":30},"startDate":"2026-03-09","timeZone":"Europe/Berlin"}"""),
        (HttpMethod.Post, $"{Notebook}/days", """{"title":"Moves","date":"2026-03-05","summary":"s","entry":"e","minutes":45}"""),
        (HttpMethod.Post, $"{Notebook}/skips", """{"date":"2026-03-06","reason":"Rest"}"""),
        (HttpMethod.Put, $"{Notebook}/days/{loggedDate}", """{"title":"Revised","summary":"s","entry":"e","minutes":30}"""),
        (HttpMethod.Put, $"{Notebook}/plan", """{"days":6,"spanDays":9,"minutesPerDay":20}"""),
        (HttpMethod.Put, $"{Notebook}/time-zone", """{"timeZone":"Europe/Berlin","dayStartsAt":"04:00"}"""),
        (HttpMethod.Post, $"{Notebook}/abandon", """{"reason":"Busy"}"""),
    ];

    public IReadOnlyList<HostileRequest> Build()
    {
        MalformedJson();
        TruncatedJson();
        WrongTypes();
        HugeStrings();
        DeepNesting();
        InvalidUtf8();
        ControlCharacters();
        UnknownFields();
        AbsurdDatesAndNumbers();
        BadIdsAndRoutes();
        WrongContentTypes();
        OversizedBodies();
        AbusiveHeaders();
        AuthenticationAbuse();
        return _all;
    }

    private void Add(string category, string name, HttpMethod method, string path, string? body, string? contentType = "application/json",
        (string, string)[]? headers = null, bool chunked = false) =>
        _all.Add(new HostileRequest(category, name, method, path, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, headers, chunked));

    private void AddBytes(string category, string name, HttpMethod method, string path, byte[] body) =>
        _all.Add(new HostileRequest(category, name, method, path, body));

    private void MalformedJson()
    {
        string[] bodies =
        [
            "{", "}", "[", "]", "{]", "{{}}", "{\"title\":}", "{\"title\" \"x\"}", "{'title':'x'}", "{title:\"x\"}",
            "{\"title\":\"x\",}", "{\"title\":\"x\"}}", "{\"title\":\"x\"} trailing", "{\"title\":\"x\"}{\"title\":\"y\"}",
            "\"just a string\"", "42", "true", "[1,2,3]", "[{\"title\":\"x\"}]", "{\"title\":\"x\" /* comment */}",
            "{\"title\":NaN}", "{\"title\":undefined}", "{\"title\":\"\\x41\"}", "{\"title\":\"\\u12\"}", "{\"title\":\"x\\\"}",
            "{\"title\":\"x\",\"title\":\"y\"}", "\u007f", "<title>x</title>", "title=x&minutes=45",
        ];
        foreach (var (method, path, _) in Writes)
        {
            foreach (var body in bodies) Add("malformed JSON", body, method, path, body);
            if (!path.EndsWith("/abandon", StringComparison.Ordinal))
            {
                // An abandon's body is optional: no body or JSON null is a plain abandon, not a mistake.
                Add("malformed JSON", "empty", method, path, "");
                Add("malformed JSON", "blank", method, path, " \t\r\n ");
                Add("malformed JSON", "null", method, path, "null");
            }
        }
    }

    private void TruncatedJson()
    {
        foreach (var (method, path, body) in Writes)
        {
            for (var length = 1; length < body.Length; length += 2)
                Add("truncated JSON", $"first {length} of {body.Length} chars", method, path, body[..length]);
        }
    }

    private void WrongTypes()
    {
        // Field, the body it sits in (with {0} for the value), and the values of wrong types for it.
        string[] forText = ["42", "true", "[]", "{}", "1.5"];
        string[] forNumber = ["\"45\"", "true", "[]", "{}", "1.5", "45.0", "1e3", "null"];
        string[] forDate = ["20260305", "true", "[]", "{}", "\"yesterday\"", "\"2026-03-05T00:00:00\"", "\"\""];
        var fields = new (HttpMethod Method, string Path, string Field, string Template, string[] Values)[]
        {
            (HttpMethod.Post, "/api/notebooks", "title", """{"title":{0},"plan":{"days":5,"spanDays":7}}""", [.. forText, "null"]),
            (HttpMethod.Post, "/api/notebooks", "plan", """{"title":"Go","plan":{0}}""", ["\"5 days\"", "5", "[]", "true", "null"]),
            (HttpMethod.Post, "/api/notebooks", "plan.days", """{"title":"Go","plan":{"days":{0},"spanDays":7}}""", forNumber),
            (HttpMethod.Post, "/api/notebooks", "plan.spanDays", """{"title":"Go","plan":{"days":5,"spanDays":{0}}}""", forNumber),
            (HttpMethod.Post, "/api/notebooks", "id", """{"title":"Go","plan":{"days":5,"spanDays":7},"id":{0}}""", ["123", "\"not-a-guid\"", "\"00000000-0000-0000-0000-00000000000g\"", "[]", "true"]),
            (HttpMethod.Post, "/api/notebooks", "spark", """{"title":"Go","plan":{"days":5,"spanDays":7},"spark":{0}}""", forText),
            (HttpMethod.Post, "/api/notebooks", "startDate", """{"title":"Go","plan":{"days":5,"spanDays":7},"startDate":{0}}""", forDate),
            (HttpMethod.Post, "/api/notebooks", "timeZone", """{"title":"Go","plan":{"days":5,"spanDays":7},"timeZone":{0}}""", forText),
            (HttpMethod.Post, "/api/notebooks", "dayStartsAt", """{"title":"Go","plan":{"days":5,"spanDays":7},"dayStartsAt":{0}}""", ["600", "\"25:00\"", "\"10am\"", "[]", "true"]),
            (HttpMethod.Post, $"{Notebook}/days", "title", """{"title":{0},"date":"2026-03-05"}""", [.. forText, "null"]),
            (HttpMethod.Post, $"{Notebook}/days", "date", """{"title":"x","date":{0}}""", forDate),
            (HttpMethod.Post, $"{Notebook}/days", "summary", """{"title":"x","date":"2026-03-05","summary":{0}}""", forText),
            (HttpMethod.Post, $"{Notebook}/days", "entry", """{"title":"x","date":"2026-03-05","entry":{0}}""", forText),
            (HttpMethod.Post, $"{Notebook}/days", "minutes", """{"title":"x","date":"2026-03-05","minutes":{0}}""", forNumber[..^1]),
            (HttpMethod.Post, $"{Notebook}/skips", "date", """{"date":{0}}""", forDate),
            (HttpMethod.Post, $"{Notebook}/skips", "reason", """{"date":"2026-03-06","reason":{0}}""", forText),
            (HttpMethod.Put, $"{Notebook}/days/{loggedDate}", "title", """{"title":{0}}""", [.. forText, "null"]),
            (HttpMethod.Put, $"{Notebook}/days/{loggedDate}", "minutes", """{"title":"x","minutes":{0}}""", forNumber[..^1]),
            (HttpMethod.Put, $"{Notebook}/plan", "days", """{"days":{0},"spanDays":9}""", forNumber),
            (HttpMethod.Put, $"{Notebook}/plan", "minutesPerDay", """{"days":6,"spanDays":9,"minutesPerDay":{0}}""", forNumber[..^1]),
            (HttpMethod.Put, $"{Notebook}/time-zone", "timeZone", """{"timeZone":{0}}""", [.. forText, "null"]),
            (HttpMethod.Put, $"{Notebook}/time-zone", "dayStartsAt", """{"timeZone":"Europe/Berlin","dayStartsAt":{0}}""", ["600", "\"25:00\"", "\"10am\"", "[]", "true"]),
            (HttpMethod.Post, $"{Notebook}/abandon", "reason", """{"reason":{0}}""", forText),
        };
        foreach (var (method, path, field, template, values) in fields)
        {
            foreach (var value in values)
                Add("wrong types", $"{field}: {value}", method, path, template.Replace("{0}", value, StringComparison.Ordinal));
        }
    }

    private void HugeStrings()
    {
        static string Text(char c, int n) => new(c, n);
        var emoji = string.Concat(Enumerable.Repeat("🦀", 30_000));
        var zalgo = "e" + string.Concat(Enumerable.Repeat("\u0301", 50_000));
        var cases = new (string Name, HttpMethod Method, string Path, string Body)[]
        {
            ("title of 201", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{Text('t', 201)}}","date":"2026-03-05"}"""),
            ("title of 10k", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{Text('t', 10_000)}}","date":"2026-03-05"}"""),
            ("title of 200k", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{Text('t', 200_000)}}","date":"2026-03-05"}"""),
            ("title of 30k emoji", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{emoji}}","date":"2026-03-05"}"""),
            ("title of one letter and 50k combining marks", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{zalgo}}","date":"2026-03-05"}"""),
            ("summary of 2001", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"2026-03-05","summary":"{{Text('s', 2_001)}}"}"""),
            ("entry of 100001", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"2026-03-05","entry":"{{Text('e', 100_001)}}"}"""),
            ("entry of 100001 two-byte letters", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"2026-03-05","entry":"{{Text('é', 100_001)}}"}"""),
            ("revised title of 10k", HttpMethod.Put, $"{Notebook}/days/{loggedDate}", $$"""{"title":"{{Text('t', 10_000)}}"}"""),
            ("revised entry of 150k", HttpMethod.Put, $"{Notebook}/days/{loggedDate}", $$"""{"title":"x","entry":"{{Text('e', 150_000)}}"}"""),
            ("spark of 10001", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"spark":"{{Text('s', 10_001)}}"}"""),
            ("notebook title of 100k", HttpMethod.Post, "/api/notebooks", $$$"""{"title":"{{{Text('t', 100_000)}}}","plan":{"days":5,"spanDays":7}}"""),
            ("time zone of 100k", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"timeZone":"{{Text('z', 100_000)}}"}"""),
            ("time zone change of 65", HttpMethod.Put, $"{Notebook}/time-zone", $$"""{"timeZone":"Europe/{{Text('b', 58)}}"}"""),
            ("skip reason of 501", HttpMethod.Post, $"{Notebook}/skips", $$"""{"date":"2026-03-06","reason":"{{Text('r', 501)}}"}"""),
            ("skip reason of 200k", HttpMethod.Post, $"{Notebook}/skips", $$"""{"date":"2026-03-06","reason":"{{Text('r', 200_000)}}"}"""),
            ("abandon reason of 501", HttpMethod.Post, $"{Notebook}/abandon", $$"""{"reason":"{{Text('r', 501)}}"}"""),
            ("abandon reason of 100k", HttpMethod.Post, $"{Notebook}/abandon", $$"""{"reason":"{{Text('r', 100_000)}}"}"""),
            ("field name of 100k", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","{{Text('f', 100_000)}}":1}"""),
            ("number of 100k digits", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","minutes":{{Text('9', 100_000)}}}"""),
        };
        foreach (var (name, method, path, body) in cases) Add("huge strings", name, method, path, body);
    }

    private void DeepNesting()
    {
        foreach (var depth in new[] { 33, 64, 1_000, 100_000 })
        {
            var arrays = new string('[', depth) + new string(']', depth);
            var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            Add("deep nesting", $"entry of {depth} arrays", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","entry":{{arrays}}}""");
            Add("deep nesting", $"entry of {depth} objects", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","entry":{{objects}}}""");
            Add("deep nesting", $"body of {depth} arrays", HttpMethod.Post, $"{Notebook}/skips", arrays);
            Add("deep nesting", $"plan of {depth} objects", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{{objects}}}""");
            Add("deep nesting", $"reason of {depth} arrays", HttpMethod.Post, $"{Notebook}/abandon", $$"""{"reason":{{arrays}}}""");
        }
    }

    private void InvalidUtf8()
    {
        byte[][] sequences =
        [
            [0xFF], [0xFE, 0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0x80], [0xE2, 0x82], [0xC3], [0xF8, 0x88, 0x80, 0x80, 0x80],
        ];
        var targets = new (HttpMethod Method, string Path, string Before, string After)[]
        {
            (HttpMethod.Post, $"{Notebook}/days", "{\"title\":\"a", "b\",\"date\":\"2026-03-05\"}"),
            (HttpMethod.Post, "/api/notebooks", "{\"title\":\"Go", "\",\"plan\":{\"days\":5,\"spanDays\":7}}"),
            (HttpMethod.Post, $"{Notebook}/skips", "{\"date\":\"2026-03-06\",\"reason\":\"", "\"}"),
            (HttpMethod.Put, $"{Notebook}/days/{loggedDate}", "{\"title\":\"Revised", "\"}"),
            (HttpMethod.Put, $"{Notebook}/time-zone", "{\"timeZone\":\"Europe/Berlin", "\"}"),
            (HttpMethod.Post, $"{Notebook}/abandon", "{\"reason\":", "}"),
            (HttpMethod.Post, $"{Notebook}/days", "{\"title\":\"x\",", "\"date\":\"2026-03-05\"}"),
        };
        foreach (var (method, path, before, after) in targets)
        {
            foreach (var bad in sequences)
                AddBytes("invalid UTF-8", $"{Convert.ToHexString(bad)} in {path.Split('/')[^1]}", method, path, [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)]);
        }
        foreach (var escaped in new[] { "\\ud800", "\\udc00", "\\ud800\\u0041", "a\\udbff" })
            Add("invalid UTF-8", $"lone surrogate {escaped}", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"{{escaped}}","date":"2026-03-05"}""");
    }

    private void ControlCharacters()
    {
        string[] forLine = ["\\u0000", "\\u0001", "\\u0007", "\\b", "\\u000b", "\\f", "\\u001b", "\\u007f", "\\u0085", "\\n", "\\r", "\\t"];
        string[] forBlock = ["\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\r"];
        foreach (var c in forLine)
        {
            Add("control characters", $"title with {c}", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"a{{c}}b","date":"2026-03-05"}""");
            Add("control characters", $"notebook title with {c}", HttpMethod.Post, "/api/notebooks", $$$"""{"title":"a{{{c}}}b","plan":{"days":5,"spanDays":7}}""");
            Add("control characters", $"skip reason with {c}", HttpMethod.Post, $"{Notebook}/skips", $$"""{"date":"2026-03-06","reason":"a{{c}}b"}""");
            Add("control characters", $"time zone with {c}", HttpMethod.Put, $"{Notebook}/time-zone", $$"""{"timeZone":"Europe/Berlin{{c}}"}""");
        }
        foreach (var c in forBlock)
        {
            Add("control characters", $"summary with {c}", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"2026-03-05","summary":"a{{c}}b"}""");
            Add("control characters", $"entry with {c}", HttpMethod.Put, $"{Notebook}/days/{loggedDate}", $$"""{"title":"x","entry":"a{{c}}b"}""");
            Add("control characters", $"spark with {c}", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"spark":"a{{c}}b"}""");
        }
        // Unescaped control characters are not JSON at all.
        foreach (var raw in new[] { '\0', '\u0001', '\n', '\u001f' })
            Add("control characters", $"raw U+{(int)raw:X4} in a string", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"a{{raw}}b","date":"2026-03-05"}""");
    }

    private void UnknownFields()
    {
        string[] extras = ["\"surprise\":1", "\"titel\":\"x\"", "\"$type\":\"Journal.Notebooks.Notebook\"", "\"__proto__\":{}", "\"id\":\"" + id + "\"",
            "\"version\":3", "\"\":1", "\"dayNumber\":7", "\"date \":\"2026-03-05\""];
        foreach (var (method, path, body) in Writes)
        {
            foreach (var extra in extras)
            {
                if (path == "/api/notebooks" && extra.StartsWith("\"id\"", StringComparison.Ordinal)) continue; // a real field there
                Add("unknown fields", extra, method, path, body[..^1] + "," + extra + "}");
            }
        }
        Add("unknown fields", "plan.extra", HttpMethod.Post, "/api/notebooks", """{"title":"Go","plan":{"days":5,"spanDays":7,"extra":1}}""");
        Add("unknown fields", "plan.Weeks", HttpMethod.Put, $"{Notebook}/plan", """{"days":6,"spanDays":9,"weeks":2}""");
    }

    private void AbsurdDatesAndNumbers()
    {
        string[] logDates = ["0001-01-01", "9999-12-31", "2026-13-01", "2026-00-10", "2026-02-29", "2026-03-32", "+2026-03-05", "2026-3-5",
            "20260305", "2026/03/05", "05.03.2026", "10000-01-01", "-2026-03-05", "2026-03-05 ", " 2026-03-05", "2026-W10", "2026-03-11", "2025-12-31"];
        foreach (var date in logDates)
            Add("absurd dates and numbers", $"log date {date}", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"{{date}}"}""");
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "2030-01-01", "2026-04-10", "2026-02-30", "2026-03-01" })
            Add("absurd dates and numbers", $"skip date {date}", HttpMethod.Post, $"{Notebook}/skips", $$"""{"date":"{{date}}"}""");
        foreach (var date in new[] { "0001-01-01", "9999-12-31", "1900-01-01", "2100-01-01", "1969-12-31", "2027-03-12" })
            Add("absurd dates and numbers", $"start date {date}", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"startDate":"{{date}}"}""");
        foreach (var time in new[] { "24:00", "25:00:00", "-01:00", "12:60", "noon", "12:00 PM", "1200" })
            Add("absurd dates and numbers", $"day start {time}", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"dayStartsAt":"{{time}}"}""");
        foreach (var minutes in new[] { "-1", "0", "1441", "2147483647", "2147483648", "-2147483649", "1e400", "-0.0", "00045", "0x2D", "Infinity", "-Infinity" })
            Add("absurd dates and numbers", $"minutes {minutes}", HttpMethod.Post, $"{Notebook}/days", $$"""{"title":"x","date":"2026-03-05","minutes":{{minutes}}}""");
        foreach (var (days, span) in new[] { ("0", "7"), ("-1", "7"), ("367", "731"), ("2147483647", "2147483647"), ("5", "4"), ("5", "0"), ("5", "732"), ("1", "-1") })
        {
            Add("absurd dates and numbers", $"plan {days}/{span}", HttpMethod.Post, "/api/notebooks", $$$"""{"title":"Go","plan":{"days":{{{days}}},"spanDays":{{{span}}}}}""");
            Add("absurd dates and numbers", $"plan change {days}/{span}", HttpMethod.Put, $"{Notebook}/plan", $$"""{"days":{{days}},"spanDays":{{span}}}""");
        }
        foreach (var perDay in new[] { "0", "-30", "1441", "99999999" })
            Add("absurd dates and numbers", $"minutes per day {perDay}", HttpMethod.Put, $"{Notebook}/plan", $$"""{"days":6,"spanDays":9,"minutesPerDay":{{perDay}}}""");
        foreach (var zone in new[] { "Mars/Olympus", "", " ", "UTC+25", "../../../etc/passwd", "/etc/localtime", "America/New York", "Etc/GMT+15", "W. Europe Standard Time", "Europe\\Berlin" })
        {
            Add("absurd dates and numbers", $"time zone '{zone}'", HttpMethod.Put, $"{Notebook}/time-zone", $$"""{"timeZone":"{{zone}}"}""");
            Add("absurd dates and numbers", $"start in time zone '{zone}'", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"timeZone":"{{zone}}"}""");
        }
        Add("absurd dates and numbers", "notebook id that is taken", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"id":"{{id}}"}""");
        Add("absurd dates and numbers", "empty notebook id", HttpMethod.Post, "/api/notebooks", """{"title":"Go","plan":{"days":5,"spanDays":7},"id":"00000000-0000-0000-0000-000000000000"}""");
    }

    private void BadIdsAndRoutes()
    {
        var unknown = Guid.CreateVersion7();
        string[] badIds = ["not-a-guid", "00000000-0000-0000-0000-000000000000", unknown.ToString(), id + "x", "..", "' OR 1=1 --", new string('a', 10_000), "%F0%9F%A6%80"];
        const string day = """{"title":"x","date":"2026-03-05"}""";
        foreach (var bad in badIds)
        {
            var notebook = $"/api/notebooks/{bad}";
            Add("bad ids and routes", $"get {Cut(bad)}", HttpMethod.Get, notebook, null);
            Add("bad ids and routes", $"log on {Cut(bad)}", HttpMethod.Post, $"{notebook}/days", day);
            Add("bad ids and routes", $"skip on {Cut(bad)}", HttpMethod.Post, $"{notebook}/skips", """{"date":"2026-03-06"}""");
            Add("bad ids and routes", $"retract on {Cut(bad)}", HttpMethod.Delete, $"{notebook}/days/{loggedDate}", null);
            Add("bad ids and routes", $"abandon {Cut(bad)}", HttpMethod.Post, $"{notebook}/abandon", null);
            Add("bad ids and routes", $"history of {Cut(bad)}", HttpMethod.Get, $"{notebook}/history", null);
            Add("bad ids and routes", $"audit of {Cut(bad)}", HttpMethod.Get, $"{notebook}/audit", null);
        }
        foreach (var date in new[] { "2026-02-30", "yesterday", "0001-01-01", "9999-12-31", "2026-3-2", "..%2F..%2F", "2026-03-02%0A", new string('9', 5_000), "2026-03-04" })
        {
            Add("bad ids and routes", $"revise {Cut(date)}", HttpMethod.Put, $"{Notebook}/days/{date}", """{"title":"x"}""");
            Add("bad ids and routes", $"retract {Cut(date)}", HttpMethod.Delete, $"{Notebook}/days/{date}", null);
            Add("bad ids and routes", $"cancel skip {Cut(date)}", HttpMethod.Delete, $"{Notebook}/skips/{date}", null);
            Add("bad ids and routes", $"read day {Cut(date)}", HttpMethod.Get, $"{Notebook}/days/{date}", null);
        }
        Add("bad ids and routes", "cancel a skip on a logged day", HttpMethod.Delete, $"{Notebook}/skips/{loggedDate}", null);
        Add("bad ids and routes", "retract a skipped day", HttpMethod.Delete, $"{Notebook}/days/{skippedDate}", null);
        foreach (var path in new[] { "/api", "/api/", "/api/notebook", $"{Notebook}/nothing", $"{Notebook}/days/{loggedDate}/extra", "/api//notebooks", "/%2e%2e/%2e%2e/etc/passwd" })
            Add("bad ids and routes", $"post to {Cut(path)}", HttpMethod.Post, path, day);
        string[] queries =
        [
            "?version=0", "?version=-1", "?version=abc", "?version=1e3", "?version=99999999999999999999", $"?version={version + 1}", "?version=1&on=2026-03-05",
            "?asOf=garbage", "?asOf=2026-13-01T00:00:00Z", "?asOf=", "?on=2026-02-30", "?on=yesterday", "?on=", "?version=",
        ];
        foreach (var query in queries) Add("bad ids and routes", $"progress {query}", HttpMethod.Get, Notebook + query, null);
        foreach (var query in new[] { "?limit=0", "?limit=1001", "?limit=-5", "?limit=abc", "?afterVersion=-1", "?afterVersion=abc", "?afterVersion=99999999999999999999", "?limit=" + new string('9', 1_000) })
            Add("bad ids and routes", $"history {Cut(query)}", HttpMethod.Get, $"{Notebook}/history{query}", null);
        foreach (var query in new[] { "?page=0", "?page=-1", "?page=abc", "?page=99999999999", "?pageSize=0", "?pageSize=101", "?status=Bogus", "?status=1", "?status=InProgress%00", "?page=1.5" })
            Add("bad ids and routes", $"index {query}", HttpMethod.Get, "/api/notebooks" + query, null);
        var methods = new (string Method, string Path)[]
        {
            ("PATCH", Notebook), ("DELETE", Notebook), ("PUT", "/api/notebooks"), ("DELETE", "/api/notebooks"), ("PATCH", $"{Notebook}/days"),
            ("POST", $"{Notebook}/days/{loggedDate}"), ("GET", $"{Notebook}/plan"), ("POST", $"{Notebook}/time-zone"), ("FOO", $"{Notebook}/days"),
            ("GET", $"{Notebook}/abandon"), ("PUT", $"{Notebook}/skips/{skippedDate}"),
        };
        foreach (var (method, path) in methods) Add("bad ids and routes", $"{method} {path.Replace(id.ToString(), "{id}", StringComparison.Ordinal)}", new HttpMethod(method), path, day);
    }

    private void WrongContentTypes()
    {
        string?[] types =
        [
            "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/octet-stream", "image/png", "application/jsonx", "application", "json", "garbage", "*/*", "application/*", null,
        ];
        foreach (var (method, path, body) in Writes)
        {
            foreach (var type in types) Add("wrong content types", type ?? "none", method, path, body, type);
        }
    }

    private void OversizedBodies()
    {
        foreach (var size in new[] { 256 * 1024 + 1, 300_000, 1_000_000, 4_000_000 })
        {
            var padded = "{\"title\":\"x\",\"date\":\"2026-03-05\"" + new string(' ', size) + "}";
            var entry = $$"""{"title":"x","date":"2026-03-05","entry":"{{new string('e', size)}}"}""";
            Add("oversized bodies", $"{size} bytes of whitespace", HttpMethod.Post, $"{Notebook}/days", padded);
            Add("oversized bodies", $"entry of {size}", HttpMethod.Post, $"{Notebook}/days", entry);
            Add("oversized bodies", $"revised entry of {size}", HttpMethod.Put, $"{Notebook}/days/{loggedDate}", $$"""{"title":"x","entry":"{{new string('e', size)}}"}""");
            Add("oversized bodies", $"spark of {size}", HttpMethod.Post, "/api/notebooks", $$"""{"title":"Go","plan":{"days":5,"spanDays":7},"spark":"{{new string('s', size)}}"}""");
            Add("oversized bodies", $"{size} bytes of text/plain", HttpMethod.Post, $"{Notebook}/skips", new string('x', size), "text/plain");
            // Sent chunked there is no length to check up front: the service must still refuse what it reads.
            Add("oversized bodies", $"chunked entry of {size}", HttpMethod.Post, $"{Notebook}/days", entry, chunked: true);
            Add("oversized bodies", $"chunked abandon reason of {size}", HttpMethod.Post, $"{Notebook}/abandon", $$"""{"reason":"{{new string('r', size)}}"}""", chunked: true);
        }
    }

    private void AbusiveHeaders()
    {
        var current = version.ToString(CultureInfo.InvariantCulture);
        string[] ifMatches =
        [
            new string('x', 10_000), "\"" + new string('9', 100_000) + "\"", "W/\"" + current + "\"", "\"\"", "\"-1\"", ",,,,", "\"" + current, current,
            "\"é\"", string.Join(", ", Enumerable.Range(100, 2_000).Select(v => $"\"{v}\"")), "\"0\"", "\"1\"", "null", "\"" + current + " \"",
        ];
        foreach (var (method, path, body) in Writes.Where(w => w.Path != "/api/notebooks"))
        {
            foreach (var ifMatch in ifMatches)
                Add("abusive headers", $"If-Match {Cut(ifMatch)}", method, path, body, headers: [("If-Match", ifMatch)]);
        }
        // A weird key on a request that is refused for another reason: the claim must be given back cleanly.
        string[] keys = [new string('k', 10_000), new string('k', 100_000), "", " ", "ключ-🔑", "a\tb", "a, b", "\"quoted\"", "%00", "../../etc"];
        var stale = ("If-Match", "\"1\"");
        foreach (var key in keys)
        {
            Add("abusive headers", $"Idempotency-Key {Cut(key)} with a stale If-Match", HttpMethod.Post, $"{Notebook}/days", """{"title":"x","date":"2026-03-05"}""", headers: [("Idempotency-Key", key), stale]);
            Add("abusive headers", $"Idempotency-Key {Cut(key)} with a bad body", HttpMethod.Post, $"{Notebook}/skips", """{"date":"2026-02-30"}""", headers: [("Idempotency-Key", key)]);
            Add("abusive headers", $"Idempotency-Key {Cut(key)} on a bad start", HttpMethod.Post, "/api/notebooks", """{"title":"","plan":{"days":5,"spanDays":7}}""", headers: [("Idempotency-Key", key)]);
        }
        Add("abusive headers", "two Idempotency-Keys with a stale If-Match", HttpMethod.Post, $"{Notebook}/days", """{"title":"x","date":"2026-03-05"}""",
            headers: [("Idempotency-Key", "one"), ("Idempotency-Key", "two"), stale]);
        Add("abusive headers", "two stale If-Match headers", HttpMethod.Post, $"{Notebook}/days", """{"title":"x","date":"2026-03-05"}""",
            headers: [("If-Match", "\"1\""), ("If-Match", "\"2\"")]);
        foreach (var count in new[] { 100, 500, 2_000 })
        {
            var junk = Enumerable.Range(0, count).Select(i => ($"X-Junk-{i}", new string('j', 100))).ToArray();
            Add("abusive headers", $"{count} headers and a stale If-Match", HttpMethod.Post, $"{Notebook}/days", """{"title":"x","date":"2026-03-05"}""", headers: [.. junk, stale]);
            Add("abusive headers", $"{count} headers and a bad body", HttpMethod.Put, $"{Notebook}/plan", """{"days":0,"spanDays":9}""", headers: junk);
        }
        Add("abusive headers", "User-Agent of 64k and a bad body", HttpMethod.Post, $"{Notebook}/days", """{"title":""}""", headers: [("User-Agent", new string('u', 65_536))]);
        Add("abusive headers", "Accept: application/xml and a bad body", HttpMethod.Post, $"{Notebook}/days", """{"title":""}""", headers: [("Accept", "application/xml")]);
        Add("abusive headers", "Accept-Charset of 10k and a bad body", HttpMethod.Post, $"{Notebook}/days", """{"title":""}""", headers: [("Accept-Charset", new string('c', 10_000))]);
        Add("abusive headers", "Content-Encoding gzip on plain JSON", HttpMethod.Post, $"{Notebook}/days", """{"title":"x","date":"2026-03-05"}""", headers: [("Content-Encoding", "gzip"), stale]);
    }

    /// <summary>
    /// Credentials that are malformed, forged, enormous or made of SQL and JSON: each request is otherwise valid, so only
    /// the credentials stop it (401, or 403 for a write the credentials may not make), and nothing is appended.
    /// </summary>
    private void AuthenticationAbuse()
    {
        static string Basic(string text) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        string[] authorizations =
        [
            "Bearer", "Bearer ", "Bearer jnl_", "Bearer jnl_" + new string('!', 43), "Bearer jnl_" + new string('A', 42), "Bearer jnl_" + new string('A', 44),
            "Bearer jnl_" + new string('A', 43), "bearer jnl_" + new string('b', 43), "Bearer " + new string('t', 30_000), "Bearer " + new string('t', 100_000),
            "Bearer jnl_' OR '1'='1' --" + new string('A', 17), "Bearer {\"$ne\": null}", "Bearer ../../../etc/passwd", "Bearer jnl_%00%00",
            "Token abc", "Negotiate YIIB", "Digest username=\"x\"", "Basic", "Basic !!!", "Basic " + new string('=', 50), "Basic",
            Basic("no-colon"), Basic(":"), Basic(":password only"), Basic("nobody@example.com:"), Basic(new string('e', 10_000) + ":pw"),
            Basic("x' OR '1'='1@example.com:password"), Basic("{\"$ne\":null}:password"), Basic("owner@example.com'--:x"),
            "Basic " + Convert.ToBase64String([0xff, 0xfe, 0x3a, 0x00]), "Bearer jnl_" + new string('A', 43) + ", Bearer jnl_" + new string('B', 43),
        ];
        foreach (var authorization in authorizations)
        {
            Add("authentication abuse", $"GET with {Cut(authorization)}", HttpMethod.Get, Notebook, null, headers: [("Authorization", authorization)]);
            Add("authentication abuse", $"LogDay with {Cut(authorization)}", HttpMethod.Post, $"{Notebook}/days", """{"title":"Moves","date":"2026-03-05"}""",
                headers: [("Authorization", authorization)]);
            Add("authentication abuse", $"a token with {Cut(authorization)}", HttpMethod.Post, "/api/tokens", """{"name":"stolen"}""",
                headers: [("Authorization", authorization)]);
        }
        string[] emails = ["x' OR '1'='1@example.com", "{\"$ne\":null}", "owner@example.com\u0000", "a@b.c'; DROP TABLE journal.mt_events; --", new string('e', 10_000) + "@example.com"];
        foreach (var email in emails)
            Add("authentication abuse", $"sign-up as {Cut(email)}", HttpMethod.Post, "/api/accounts", $$"""{"email":"{{email}}","password":"a long enough password"}""",
                headers: [("Authorization", "")]);
    }

    private static string Cut(string s) => s.Length <= 24 ? s : $"{s[..12]}…({s.Length} chars)";
}
