namespace Journal.Notebooks.Rules;

/// <summary>A day's text and minutes, as LogDay and ReviseDay both take them: trimmed, within their limits.</summary>
public sealed record DayFields(string? Title, string? Summary, string? Entry, int? Minutes)
{
    public static DayFields Check(FieldRules fields, string? title, string? summary, string? entry, int? minutes)
    {
        var checkedTitle = fields.Line("title", title, Limits.TitleLength, required: true);
        var checkedSummary = fields.Block("summary", summary, Limits.SummaryLength);
        var checkedEntry = fields.Block("entry", entry, Limits.EntryLength);
        fields.Range("minutes", minutes, Limits.MinutesMin, Limits.MinutesMax);
        return new DayFields(checkedTitle, checkedSummary, checkedEntry, minutes);
    }
}
