using System.Net;
using CsCheck;
using Journal.Contracts;
using Journal.Tests.Web;

namespace Journal.Tests.Http;

/// <summary>
/// Every query and route parameter of every read (API and pages), driven through its type's extremes and malformed
/// values: a 4xx or a 2xx, never a 5xx.
/// </summary>
public sealed class ReadParameterPropertyTests(JournalHost fixture) : IntegrationTest(fixture)
{
    /// <summary>Values at the edges of numbers, dates, instants and ids, and text that is none of them.</summary>
    private static readonly string[] Extremes =
    [
        "", " ", "0", "1", "-1", "00", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999", "1e9", "0x10", "1.5", "NaN", "Infinity", "+1",
        "0001-01-01", "0000-12-31", "9999-12-31", "10000-01-01", "2026-02-29", "2024-02-29", "2026-02-30", "2026-13-01", "2026-00-10",
        "1970-01-01", "1969-12-31", "2026-03-02", "2026-3-2", "20260302", "2026-03-02T00:00:00Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00",
        "2026-03-10T12:00:00Z", "2026-03-10T12:00:00", "2026-03-10T25:00:00Z", "+275760-09-13T00:00:00Z", "yesterday",
        "InProgress", "completed", "Abandoned ", "Deleted", "2", "-0",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-guid", "{00000000-0000-0000-0000-000000000001}",
        "%00", "%2e%2e%2f", "..", "é", "👨‍👩‍👧‍👦", "<script>", "' OR '1'='1", "{\"$ne\":null}", new string('9', 5_000), new string('a', 22),
    ];

    private static readonly Gen<string> Value = Gen.OneOf(Gen.Int[0, Extremes.Length - 1].Select(i => Extremes[i]), Gen.String[0, 40], Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string E(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task No_read_answers_5xx_whatever_its_parameters()
    {
        var id = await Host.StartedNotebook(Api.RustOwnership() with { Plan = new Plan(5, 7) });
        await Host.LoggedDay(id, "2026-03-02");
        await Host.SkippedDay(id, "2026-03-03");
        var slug = (await (await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/share")).Read<ShareLinkResponse>(HttpStatusCode.Created)).Slug;
        var cookie = await Host.SignedIn();
        var ids = Gen.OneOf(Gen.Const(id.ToString()), Gen.Guid.Select(g => g.ToString()), Value);

        Func<string, string, string, string>[] reads =
        [
            (a, b, c) => $"/api/notebooks?status={E(a)}&page={E(b)}&pageSize={E(c)}",
            (a, b, _) => $"/api/notebooks/{id}?version={E(a)}",
            (a, _, _) => $"/api/notebooks/{id}?asOf={E(a)}",
            (a, _, _) => $"/api/notebooks/{id}?on={E(a)}",
            (a, b, _) => $"/api/notebooks/{id}?version={E(a)}&on={E(b)}",
            (a, b, _) => $"/api/notebooks/{id}/history?afterVersion={E(a)}&limit={E(b)}",
            (a, _, _) => $"/api/notebooks/{id}/days/{E(a)}",
            (a, _, _) => $"/api/shared/{E(a)}",
            (a, b, _) => $"/?status={E(a)}&page={E(b)}",
            (a, _, _) => $"/notebooks/{id}?year={E(a)}",
            (a, _, _) => $"/notebooks/{id}/days/{E(a)}",
            (a, _, _) => $"/notebooks/{id}/days/{E(a)}/retract",
            (a, _, _) => $"/s/{slug}?year={E(a)}",
            (a, _, _) => $"/s/{slug}/days/{E(a)}",
            (a, _, _) => $"/s/{E(a)}",
        ];
        Func<string, string>[] byId =
        [
            i => $"/api/notebooks/{E(i)}", i => $"/api/notebooks/{E(i)}/history", i => $"/api/notebooks/{E(i)}/audit",
            i => $"/api/notebooks/{E(i)}/days/2026-03-02", i => $"/notebooks/{E(i)}", i => $"/notebooks/{E(i)}/all",
        ];

        var failures = new List<string>();
        async Task Check(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            var response = await Host.Client().SendAsync(request, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500) lock (failures) failures.Add($"{(int)response.StatusCode} GET {(url.Length > 200 ? url[..200] + "…" : url)}");
        }

        await Gen.Select(Gen.Int[0, reads.Length - 1], Value, Value, Value).SampleAsync(async sample =>
        {
            var (read, a, b, c) = sample;
            await Check(reads[read](a, b, c));
        }, iter: 600, threads: 1);
        await Gen.Select(Gen.Int[0, byId.Length - 1], ids).SampleAsync(async sample => await Check(byId[sample.Item1](sample.Item2)), iter: 150, threads: 1);
        foreach (var read in reads)
            foreach (var value in Extremes)
                await Check(read(value, value, value));

        Assert.True(failures.Count == 0, $"{failures.Count} reads answered 5xx:\n{string.Join("\n", failures.Distinct().Take(30))}");
    }
}
