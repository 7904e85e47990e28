using Journal.Contracts;

namespace Journal.Notebooks.Rules;

/// <summary>A plan's limits: days 1–366, spanDays from days to 731, minutesPerDay 1–1440 (<see cref="Limits"/>).</summary>
public static class PlanRules
{
    public static Plan? Check(FieldRules fields, string prefix, Plan? plan)
    {
        if (plan is null)
        {
            fields.Fail(prefix, $"{prefix} is required: {{ \"days\": 10, \"spanDays\": 14, \"minutesPerDay\": 60 }}.");
            return null;
        }
        string Field(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
        fields.Range(Field("days"), plan.Days, 1, Limits.PlanDaysMax, required: true);
        fields.Range(Field("spanDays"), plan.SpanDays, Math.Clamp(plan.Days, 1, Limits.PlanDaysMax), Limits.SpanDaysMax, required: true);
        fields.Range(Field("minutesPerDay"), plan.MinutesPerDay, Limits.MinutesMin, Limits.MinutesMax);
        return plan;
    }
}
