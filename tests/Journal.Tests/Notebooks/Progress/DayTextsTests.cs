using JasperFx.Events;
using Journal.Notebooks;
using Journal.Notebooks.Progress;

namespace Journal.Tests.Notebooks.Progress;

public sealed class DayTextsTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2), Tuesday = new(2026, 3, 3);

    private static IEvent[] Events(params object[] data) => [.. data.Select(d => (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(d.GetType()), d)!)];

    private static DayLogged Logged(DateOnly date, string title, string? summary) => new(date, title, summary, "The whole entry.", 30, date, false, false);

    [Fact]
    public void The_text_of_each_day_is_its_last_revision_and_a_retracted_day_has_none()
    {
        var texts = DayTexts.Fold(Events(
            Logged(Monday, "Moves", "Ownership moves."),
            Logged(Tuesday, "Borrowing", null),
            new DayRevised(Monday, "Moves, revised", "Ownership moves on assignment.", null, 45),
            new DayRetracted(Tuesday)));

        Assert.Equal(new Dictionary<DateOnly, DayText> { [Monday] = new("Moves, revised", "Ownership moves on assignment.") }, texts);
    }

    [Fact]
    public void A_day_logged_again_after_its_retraction_reads_as_logged_again()
    {
        var texts = DayTexts.Fold(Events(Logged(Monday, "First", "a"), new DayRetracted(Monday), Logged(Monday, "Second", "b")));
        Assert.Equal(new DayText("Second", "b"), texts.Of(Monday));
    }

    [Fact]
    public void A_revision_of_a_day_not_logged_changes_nothing_and_an_unknown_day_reads_as_untitled()
    {
        var texts = DayTexts.Fold(Events(new DayRevised(Monday, "Nothing", null, null, null)));
        Assert.Empty(texts);
        Assert.Equal(new DayText("", null), texts.Of(Monday));
    }
}
