using Journal.Hosting;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Notebooks;

/// <summary>Dates in addresses (<c>/days/2026-03-02</c>): parsed strictly, and the 404 for a date without an entry.</summary>
public static class RouteDates
{
    public static DateOnly Parse(FieldRules fields, string value)
    {
        if (IsoDates.Parse(value) is { } date) return date;
        fields.Fail("date", "date in the address must be a date written yyyy-MM-dd.");
        return default;
    }

    public static ProblemDetails NoEntry(DateOnly date) =>
        ProblemTypes.Problem(StatusCodes.Status404NotFound, ProblemTypes.DayNotFound, "No entry on that date", $"{date:yyyy-MM-dd} has no entry.");
}
