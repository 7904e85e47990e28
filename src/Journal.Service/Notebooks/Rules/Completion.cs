namespace Journal.Notebooks.Rules;

/// <summary>A notebook is complete once its logged days reach the plan's days.</summary>
public static class Completion
{
    public static bool Reached(int daysLogged, int plannedDays) => daysLogged >= plannedDays;
}
