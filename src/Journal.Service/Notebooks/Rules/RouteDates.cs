namespace Journal.Notebooks.Rules;

/// <summary>Dates in addresses (<c>/days/2026-03-02</c>): exactly yyyy-MM-dd, else an error on the field "date".</summary>
public static class RouteDates
{
    public static DateOnly Parse(FieldRules fields, string value)
    {
        if (IsoDates.Parse(value) is { } date) return date;
        fields.Fail("date", "date in the address must be a date written yyyy-MM-dd.");
        return default;
    }
}
