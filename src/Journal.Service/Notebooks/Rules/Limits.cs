namespace Journal.Notebooks.Rules;

/// <summary>Every limit of domain.md, once: the deciders check them and the pages and docs read them from here.</summary>
public static class Limits
{
    public const int TitleLength = 200;
    public const int SparkLength = 10_000;
    public const int SummaryLength = 2_000;
    public const int EntryLength = 100_000;
    public const int ReasonLength = 500;

    public const int MinutesMin = 1;
    public const int MinutesMax = 1440;

    public const int PlanDaysMax = 366;
    public const int SpanDaysMax = 731;

    /// <summary>The earliest start date: old notebooks (last year's, a paper journal's) can be entered or imported.</summary>
    public static readonly DateOnly EarliestStartDate = new(1970, 1, 1);

    /// <summary>How far ahead of today a start date may lie.</summary>
    public const int StartDateAheadDays = 366;

    /// <summary>How far ahead of today a rest day may be planned.</summary>
    public const int RestDaysAhead = 30;
}
