using Journal.Http;
using Journal.Notebooks.Rules;
using Journal.Notebooks;

namespace Journal.Tests.Notebooks.Rules;

public class FieldRulesTests
{
    [Fact]
    public void Valid_text_is_trimmed_and_no_problem_is_made()
    {
        var fields = new FieldRules();

        Assert.Equal("Rust ownership", fields.Line("title", "  Rust ownership \t", 200, required: true));
        Assert.Equal("Why:\n\tnow", fields.Block("spark", "\r\n Why:\r\n\tnow \r\n", 100));
        Assert.True(fields.IsValid);
        Assert.Null(fields.Refusal());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n\u00A0")]
    public void Blank_text_is_none_and_refused_only_when_required(string? value)
    {
        var optional = new FieldRules();
        Assert.Null(optional.Line("reason", value, 500, required: false));
        Assert.Null(optional.Block("summary", value, 2_000));
        Assert.True(optional.IsValid);

        var required = new FieldRules();
        Assert.Null(required.Line("title", value, 200, required: true));
        Assert.Equal(["title is required and may not be blank."], Errors(required)["title"]);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Length_is_counted_after_trimming_up_to_the_limit(int length, bool valid)
    {
        var fields = new FieldRules();
        fields.Line("title", "   " + new string('t', length) + "   ", 10, required: true);
        Assert.Equal(valid, fields.IsValid);
    }

    [Fact]
    public void A_refused_length_names_the_limit_and_the_count()
    {
        var fields = new FieldRules();
        fields.Block("summary", new string('s', 2_001), 2_000);
        Assert.Equal(["summary may hold at most 2000 characters; it has 2001."], Errors(fields)["summary"]);
    }

    [Fact]
    public void Characters_are_counted_as_a_reader_sees_them_not_as_UTF16_code_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F980", 10)); // 10 crabs, 20 code units
        var accented = string.Concat(Enumerable.Repeat("e\u0301", 10)); // 10 é, each e + combining acute

        var fields = new FieldRules();
        fields.Line("title", emoji, 10, required: true);
        fields.Line("subtitle", accented, 10, required: true);
        Assert.True(fields.IsValid);

        fields.Line("title", emoji + "\U0001F980", 10, required: true);
        Assert.Equal(["title"], Errors(fields).Keys);
    }

    [Theory]
    [InlineData(0x09)] // tab
    [InlineData(0x0A)] // newline
    [InlineData(0x0D)] // carriage return
    [InlineData(0x00)] // NUL
    [InlineData(0x1B)] // escape
    [InlineData(0x1F)]
    [InlineData(0x7F)] // delete
    [InlineData(0x85)] // next line (C1)
    [InlineData(0x9F)]
    public void A_line_holds_no_control_character(int code)
    {
        var fields = new FieldRules();
        Assert.Equal($"a{(char)code}b", fields.Line("title", $"a{(char)code}b", 200, required: true));
        Assert.Equal(["title may not hold control characters (including newlines and tabs)."], Errors(fields)["title"]);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x0B)] // vertical tab
    [InlineData(0x0C)] // form feed
    [InlineData(0x0D)] // a lone carriage return is not a newline
    [InlineData(0x1B)]
    [InlineData(0x7F)]
    [InlineData(0x85)]
    public void A_block_holds_no_control_character_but_tab_and_newline(int code)
    {
        var fields = new FieldRules();
        fields.Block("entry", $"a{(char)code}b", 100_000);
        Assert.Equal(["entry may not hold control characters other than tab and newline."], Errors(fields)["entry"]);
    }

    [Fact]
    public void A_block_keeps_tab_and_newline_and_normalises_CRLF()
    {
        var fields = new FieldRules();
        Assert.Equal("a\tb\nc\n\nd", fields.Block("entry", "a\tb\r\nc\n\r\nd", 100_000));
        Assert.True(fields.IsValid);
    }

    [Fact]
    public void A_CRLF_a_line_keeps_counts_as_one_character_as_a_reader_sees_it()
    {
        var fields = new FieldRules();
        fields.Line("title", "ab\r\ncd", 5, required: true); // a, b, CR LF, c, d: five; refused for the control, not the length
        Assert.Equal(["title may not hold control characters (including newlines and tabs)."], Errors(fields)["title"]);
    }

    [Fact]
    public void A_line_does_not_normalise_CRLF()
    {
        var fields = new FieldRules();
        Assert.Equal("a\r\nb", fields.Line("title", "a\r\nb", 200, required: true));
        Assert.False(fields.IsValid);
    }

    [Fact]
    public void Whitespace_controls_at_the_edges_are_trimmed_away_not_refused()
    {
        var fields = new FieldRules();
        Assert.Equal("Rust", fields.Line("title", "\t\n\v\f\r\u0085Rust\u0085\r\n\t", 200, required: true));
        Assert.True(fields.IsValid);
    }

    [Fact]
    public void NUL_at_the_edges_is_not_whitespace_and_is_refused()
    {
        var fields = new FieldRules();
        fields.Block("summary", "\0Rust\0", 2_000);
        Assert.Equal(["summary"], Errors(fields).Keys);
    }

    [Theory]
    [InlineData(0xD83E, 0x0041)] // a high surrogate before a letter
    [InlineData(0x0041, 0xDD80)] // a low surrogate after a letter
    [InlineData(0xDD80, 0xD83E)] // a pair in the wrong order
    [InlineData(0xD83E, 0xD83E)] // two high surrogates
    [InlineData(0x0041, 0xD83E)] // a high surrogate at the end
    public void An_unpaired_surrogate_is_refused(int first, int second)
    {
        var fields = new FieldRules();
        fields.Line("title", $"x{(char)first}{(char)second}", 200, required: true);
        Assert.Equal(["title holds an unpaired surrogate (not valid Unicode text)."], Errors(fields)["title"]);
    }

    [Fact]
    public void A_surrogate_pair_is_valid_text()
    {
        var fields = new FieldRules();
        fields.Block("entry", "Ferris \uD83E\uDD80 says hi", 100);
        Assert.True(fields.IsValid);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(1440, true)]
    [InlineData(0, false)]
    [InlineData(1441, false)]
    [InlineData(int.MinValue, false)]
    public void An_optional_range_allows_none_and_its_inclusive_bounds(int? value, bool valid)
    {
        var fields = new FieldRules();
        fields.Range("minutes", value, 1, 1440);
        Assert.Equal(valid, fields.IsValid);
    }

    [Fact]
    public void A_required_range_refuses_none_and_names_a_value_outside_it()
    {
        var fields = new FieldRules();
        fields.Range("days", null, 1, 366, required: true);
        fields.Range("spanDays", 732, 5, 731, required: true);

        Assert.Equal(["days is required."], Errors(fields)["days"]);
        Assert.Equal(["spanDays must be between 5 and 731; it was 732."], Errors(fields)["spanDays"]);
    }

    [Fact]
    public void The_problem_is_a_400_validation_problem_with_every_message_of_every_field()
    {
        var fields = new FieldRules();
        fields.Line("title", "a\0" + new string('b', 10), 5, required: true);
        fields.Fail("date", "date is wrong.");

        var problem = fields.Refusal();

        Assert.NotNull(problem?.Errors);
        Assert.Equal((400, Refusals.ValidationFailed, "The request is not valid"), (Problems.For(problem).Status, problem.Type, problem.Title));
        Assert.Equal(["date", "title"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["title may hold at most 5 characters; it has 12.", "title may not hold control characters (including newlines and tabs)."],
            problem.Errors["title"]);
        Assert.Equal("date is wrong. title may hold at most 5 characters; it has 12. title may not hold control characters (including newlines and tabs).",
            problem.Detail);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(FieldRules fields) =>
        fields.Refusal()?.Errors ?? throw new Xunit.Sdk.XunitException("Expected field errors, found none.");

    [Theory]
    [InlineData("Ownership")]
    [InlineData("👨‍👩‍👧‍👦 family of 4")] // one character of 11 code units
    [InlineData("🇩🇪🇯🇵🇫🇷🇧🇷🇮🇳🇨🇦🇲🇽🇪🇸🇮🇹🇳🇱🇸🇪🇳🇴🇫🇮🇩🇰🇵🇱🇵🇹🇬🇷🇹🇷🇮🇪🇦🇹")] // 20 flags of 4 code units
    [InlineData("ạ̈̃ with three marks")]
    public void Ordinary_text_within_the_limit_passes_counted_as_people_see_it(string title)
    {
        var fields = new FieldRules();

        fields.Line("title", title, 20, required: true);

        Assert.True(fields.IsValid, fields.Refusal()?.Detail);
    }

    [Fact]
    public void A_character_piled_with_combining_marks_is_refused_though_it_counts_as_one()
    {
        var fields = new FieldRules();

        fields.Line("title", "e" + new string('\u0301', 5_000), 200, required: true);

        var problem = fields.Refusal();
        Assert.NotNull(problem);
        Assert.Contains("combining marks", problem.Detail, StringComparison.Ordinal);
    }
}
