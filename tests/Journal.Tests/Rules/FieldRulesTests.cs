using Journal.Notebooks.Rules;

namespace Journal.Tests.Rules;

public sealed class FieldRulesTests
{
    [Theory]
    [InlineData("Ownership")]
    [InlineData("👨‍👩‍👧‍👦 family of 4")] // one character of 11 code units
    [InlineData("🇩🇪🇯🇵🇫🇷🇧🇷🇮🇳🇨🇦🇲🇽🇪🇸🇮🇹🇳🇱🇸🇪🇳🇴🇫🇮🇩🇰🇵🇱🇵🇹🇬🇷🇹🇷🇮🇪🇦🇹")] // 20 flags of 4 code units
    [InlineData("ạ̈̃ with three marks")]
    public void Ordinary_text_within_the_limit_passes_counted_as_people_see_it(string title)
    {
        var fields = new FieldRules();

        fields.Line("title", title, 20, required: true);

        Assert.True(fields.IsValid, fields.Problem()?.Detail);
    }

    [Fact]
    public void A_character_piled_with_combining_marks_is_refused_though_it_counts_as_one()
    {
        var fields = new FieldRules();

        fields.Line("title", "e" + new string('\u0301', 5_000), 200, required: true);

        var problem = fields.Problem();
        Assert.NotNull(problem);
        Assert.Contains("combining marks", problem.Detail, StringComparison.Ordinal);
    }
}
