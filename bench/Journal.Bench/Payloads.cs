using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Journal.Bench;

/// <summary>What one day's entry says: the summary its day card shows, and the full entry.</summary>
internal sealed record DayText(string Summary, string Entry);

/// <summary>The request bodies both sides carry: a realistic entry, the same size on every request.</summary>
internal static class Payloads
{
    public const string Summary = "Worked through the chapter on indexes and wrote down three questions to follow up tomorrow.";

    public static readonly string Entry = string.Concat(Enumerable.Repeat(
        "Read the section again, tried the exercises, and compared my answers with the worked examples. ", 4));

    public const int Minutes = 45;

    public static byte[] StartNotebook(DateOnly startDate) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        title = "Benchmark notebook",
        spark = "How fast is it?",
        plan = new { days = 366, spanDays = 731, minutesPerDay = 60 },
        startDate = startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        timeZone = "UTC",
    });

    /// <summary>The text of every day of the issue-7 figures: <see cref="Summary"/> and <see cref="Entry"/>.</summary>
    public static readonly DayText Standard = new(Summary, Entry);

    public static byte[] LogDay(DateOnly date) => LogDay(date, Standard);

    public static byte[] LogDay(DateOnly date, DayText text) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        title = Title(date),
        date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        summary = text.Summary,
        entry = text.Entry,
        minutes = Minutes,
    });

    /// <summary>
    /// A day of a year-long notebook as people write one (issue 18): a summary of 300 characters and an entry of 2,000,
    /// words drawn afresh for each date, so that the stored text is as varied (and compresses as little) as prose does,
    /// not one sentence repeated.
    /// </summary>
    public static DayText Realistic(DateOnly date)
    {
        var random = new Random(date.DayNumber);
        return new DayText(Prose(random, 300), Prose(random, 2_000));
    }

    private static readonly string[] Words =
    [
        "index", "query", "plan", "chapter", "exercise", "proof", "lemma", "notes", "review", "question", "answer", "example",
        "tree", "graph", "cache", "latency", "memory", "page", "buffer", "lock", "transaction", "commit", "snapshot", "vacuum",
        "read", "wrote", "compared", "tried", "missed", "found", "understood", "struggled", "revisited", "sketched", "tested",
        "the", "a", "of", "and", "with", "after", "before", "again", "slowly", "carefully", "finally", "today", "tomorrow",
        "join", "hash", "merge", "sort", "scan", "estimate", "cost", "row", "column", "table", "schema", "constraint", "key",
        "why", "how", "which", "because", "although", "so", "then", "still", "only", "every", "most", "three", "two", "one",
    ];

    private static string Prose(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            var sentence = 6 + random.Next(12);
            for (var i = 0; i < sentence && text.Length < length; i++)
            {
                var word = Words[random.Next(Words.Length)];
                text.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i == sentence - 1 ? ". " : " ");
            }
        }
        return text.ToString(0, length - 1).TrimEnd() + ".";
    }

    public static string Title(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"Study day {date:yyyy-MM-dd}");
}
