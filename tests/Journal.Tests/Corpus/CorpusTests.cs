using System.Text.Json.Nodes;
using Marten;

namespace Journal.Tests.Corpus;

/// <summary>
/// History is kept forever: the events each release wrote (its frozen corpus, Corpus/*.jsonl) load into an empty store,
/// every projection is rebuilt from them by this build, and the API answers exactly what that release answered.
/// A changed event shape needs an upcaster (docs/design.md, "Event schema"); a stored row is never edited.
/// </summary>
public sealed class CorpusTests(JournalHost fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string> Releases => [.. EventCorpus.Releases()];

    [Fact]
    public void There_is_a_corpus_of_this_release() => Assert.Contains(CorpusWriter.Release, EventCorpus.Releases());

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task The_corpus_of_a_release_reads_as_that_release_answered(string release)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(EventCorpus.OutputFolder, $"{release}.expected.json"), TestContext.Current.CancellationToken))!;
        // The seed notebook the issue describes, as the release answered: a rewritten expected file must still say so.
        Assert.Contains(expected["answers"]!["accounts"]!.AsArray().SelectMany(a => a!["notebooks"]!.AsObject().Select(n => n.Value!["progress"]!)),
            p => p!["title"]!.GetValue<string>() == "Learning Rust" && p["progress"]!.GetValue<string>() == "6 / 10 days");
        await Host.ResetAllMartenDataAsync(); // an empty store: not even the test owner

        await EventCorpus.LoadAsync(Fixture.Store, Path.Combine(EventCorpus.OutputFolder, $"{release}.jsonl"));
        Clock.Now = DateTimeOffset.Parse(expected["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var answers = await EventCorpus.AnswersAsync(Host, expected["credentials"]!.AsArray(), expected["slugs"]!.AsArray());

        var differences = Differences(expected["answers"], answers, "").Take(20).ToList();
        Assert.True(differences.Count == 0, $"{release}: this build answers differently about the same events:\n{string.Join("\n", differences)}");
        foreach (var revoked in expected["revokedSlugs"]!.AsArray())
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Host.Send(HttpMethod.Get, $"/api/shared/{revoked}", null, ("Authorization", ""))).StatusCode);
    }

    /// <summary>Each path where the two JSON trees differ, with both values.</summary>
    private static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                foreach (var d in Differences(e[key], a[key], $"{path}.{key}")) yield return d;
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
                foreach (var d in Differences(ea[i], aa[i], $"{path}[{i}]")) yield return d;
        }
        else if (!JsonNode.DeepEquals(expected, actual))
        {
            yield return $"{path}: expected {expected?.ToJsonString() ?? "nothing"}, got {actual?.ToJsonString() ?? "nothing"}";
        }
    }
}
