using Journal.Contracts;
using Journal.Notebooks;
using Journal.Notebooks.Exports;
using Journal.Web;
using static Journal.Tests.Notebooks.Rules.Values;

namespace Journal.Tests.Notebooks.Exports;

/// <summary>The pure parts of exports and imports: the replay through the deciders, Markdown headings and text, names.</summary>
public class ExportRulesTests
{
    private static readonly Guid Id = Guid.Parse("01950000-0000-7000-8000-000000000001");

    private static ImportedEvent At(int version, string instant, object data) =>
        new("f", version, version, NotebookEvents.Names[data.GetType()], Instant(instant), data);

    private static NotebookStarted Started => new(Id, "Rust", null, new Plan(2, 7), Date("2026-03-02"), "UTC", TimeOnly.MinValue);

    [Fact]
    public void A_history_the_deciders_decide_exactly_so_passes()
    {
        Assert.Null(NotebookReplay.Check([
            At(1, "2026-03-02T08:00:00Z", Started),
            At(2, "2026-03-02T20:00:00Z", new DayLogged(Date("2026-03-02"), "One", null, null, 30, Date("2026-03-02"), false, false)),
            At(3, "2026-03-04T08:00:00Z", new DaySkipped(Date("2026-03-03"), null, Date("2026-03-04"), Late: true)),
            At(4, "2026-03-04T09:00:00Z", new DayLogged(Date("2026-03-03"), "Two", null, null, null, Date("2026-03-04"), Backfilled: true, SupersededSkip: true)),
            At(5, "2026-03-04T09:00:00Z", new NotebookCompleted(2, 2)),
        ]));
    }

    [Fact]
    public void A_completion_the_file_leaves_out_is_named()
    {
        var problem = NotebookReplay.Check([
            At(1, "2026-03-02T08:00:00Z", Started),
            At(2, "2026-03-02T20:00:00Z", new DayLogged(Date("2026-03-02"), "One", null, null, 30, Date("2026-03-02"), false, false)),
            At(3, "2026-03-03T20:00:00Z", new DayLogged(Date("2026-03-03"), "Two", null, null, 30, Date("2026-03-03"), false, false)),
            At(4, "2026-03-04T08:00:00Z", new DaySkipped(Date("2026-03-04"), null, Date("2026-03-04"), false)),
        ]);
        Assert.Equal((4, "day_skipped"), (problem?.Line, problem?.EventType));
        Assert.StartsWith("day_logged on line 3 brings notebook_completed with it here ({\"daysLogged\":2,\"plannedDays\":2})", problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_that_makes_a_different_decision_is_named_with_each_fact_that_differs()
    {
        // Recorded the next morning: the entry is backfilled and recorded on 03-03, whatever the file says.
        var problem = NotebookReplay.Check([
            At(1, "2026-03-02T08:00:00Z", Started),
            At(2, "2026-03-03T07:00:00Z", new DayLogged(Date("2026-03-02"), "One", null, null, 30, Date("2026-03-02"), false, false)),
        ]);
        Assert.Equal("the service decides this day_logged differently at 2026-03-03T07:00:00Z: recordedOn is \"2026-03-03\" by the service's rules, " +
                     "\"2026-03-02\" in the file; backfilled is true by the service's rules, false in the file.", problem?.Reason);
    }

    [Fact]
    public void A_refused_command_is_named_with_the_refusal_type()
    {
        var problem = NotebookReplay.Check([
            At(1, "2026-03-02T08:00:00Z", Started with { Title = "  " }),
        ]);
        Assert.Equal(Refusals.ValidationFailed, problem?.RuleType);
        Assert.Equal("the service refuses it: title is required and may not be blank.", problem?.Reason);
    }

    [Theory]
    [InlineData("# A\n\ntext", 3, "#### A\n\ntext")]
    [InlineData("  ## B ##\n", 1, "  ### B ##\n")]
    [InlineData("##### Deep", 3, "###### Deep")] // at most 6
    [InlineData("```sh\n# a comment\n```\n# Real", 2, "```sh\n# a comment\n```\n### Real")]
    [InlineData("    # indented code", 2, "    # indented code")]
    [InlineData("Title\n=====\n\nBody", 2, "### Title\n\nBody")]
    [InlineData("Sub\n---\n", 1, "### Sub\n")]
    [InlineData("> # Quoted", 1, "> ## Quoted")]
    [InlineData("No heading #here", 2, "No heading #here")]
    public void Headings_move_down_and_only_headings(string markdown, int offset, string expected) =>
        Assert.Equal(expected, MarkdownHeadings.Shift(markdown, offset));

    [Theory]
    [InlineData("C# *pointers* and [links]", "C# \\*pointers\\* and \\[links\\]")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("- not a list\n+ nor this\n1. nor this", "\\- not a list\n\\+ nor this\n1\\. nor this")]
    [InlineData("snake_case <b> `code` ~x~ back\\slash", "snake\\_case \\<b> \\`code\\` \\~x\\~ back\\\\slash")]
    [InlineData("Plain, with 2 numbers. And a-dash!", "Plain, with 2 numbers. And a-dash!")]
    public void Plain_text_is_escaped_to_read_as_itself(string text, string expected) =>
        Assert.Equal(expected, NotebookMarkdown.Escape(text));

    [Theory]
    [InlineData("Learning Rust", "learning-rust")]
    [InlineData("  Grammaire française — B2 ", "grammaire-francaise-b2")]
    [InlineData("Русский язык", "русский-язык")]
    [InlineData("???", "notebook")]
    [InlineData("C# / .NET 10", "c-net-10")]
    public void File_names_are_made_from_titles(string title, string slug) => Assert.Equal(slug, ExportNames.Slug(title));

    [Fact]
    public void Long_titles_make_names_of_at_most_60_characters() =>
        Assert.Equal(ExportNames.MaxSlugLength, ExportNames.Slug(new string('a', 100)).Length);
}
