using static Journal.Tests.Notebooks.Deciders.Given;

using Journal.Http;
using Journal.Notebooks;
using Microsoft.AspNetCore.Http;

namespace Journal.Tests.Http;

/// <summary>If-Match against a notebook's version: the write path's 412.</summary>
public class ETagsTests
{
    /// <summary>Started and two days logged: version 3, ETag "3".</summary>
    private static Notebook AtVersion3 => Notebook(LoggedDays(2));

    [Fact]
    public void Stream_versions_are_quoted_entity_tags() => Assert.Equal("\"7\"", ETags.Of(7));

    [Fact]
    public void Without_If_Match_there_is_no_precondition() => Assert.Null(ETags.Stale(null, AtVersion3.Version));

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"3\"")]
    [InlineData("  \"2\" ,\"3\"  ")]
    [InlineData("\"3\",")]
    [InlineData("\"9\", *")]
    public void An_If_Match_naming_the_current_version_or_any_passes(string ifMatch) =>
        Assert.Null(ETags.Stale(ifMatch, AtVersion3.Version));

    [Theory]
    [InlineData("\"2\"")] // stale
    [InlineData("\"4\"")] // from the future
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/\"3\"")] // a weak tag never matches strongly
    [InlineData("3")] // unquoted
    [InlineData("'3'")]
    [InlineData("\"03\"")]
    [InlineData("\"3")]
    [InlineData("\"\"")]
    [InlineData("")]
    [InlineData(" , ")]
    [InlineData("yes please")]
    public void Any_other_If_Match_is_a_412(string ifMatch)
    {
        var problem = ETags.Stale(ifMatch, AtVersion3.Version);

        Assert.NotNull(problem);
        Assert.Equal((StatusCodes.Status412PreconditionFailed, ProblemTypes.VersionMismatch), (Problems.For(problem).Status, problem.Type));
        Assert.Contains("version 3 (ETag \"3\")", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_If_Match_is_shortened_in_the_detail()
    {
        var problem = ETags.Stale(new string('x', 41), AtVersion3.Version);

        Assert.NotNull(problem);
        Assert.StartsWith($"If-Match named {new string('x', 40)}… but", problem.Detail, StringComparison.Ordinal);
    }
}
