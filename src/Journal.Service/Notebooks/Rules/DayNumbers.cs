namespace Journal.Notebooks.Rules;

/// <summary>A day number is the rank of a logged date among the notebook's logged dates: Day 1 is the earliest.</summary>
public static class DayNumbers
{
    /// <summary>The number <paramref name="date"/> has among <paramref name="loggedDates"/>, or would have once logged.</summary>
    public static int Of(DateOnly date, IEnumerable<DateOnly> loggedDates) => 1 + loggedDates.Count(d => d < date);

    /// <summary>The numbers of dates given in ascending order (1, 2, 3, …): the same rank, without counting again.</summary>
    public static IEnumerable<(int Number, T Day)> InOrder<T>(IEnumerable<T> daysInDateOrder) =>
        daysInDateOrder.Select((day, index) => (index + 1, day));
}
