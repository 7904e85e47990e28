using System.Globalization;
using System.Text;

namespace Journal.Bench;

/// <summary>One line of the result table: both numbers, their ratio, the target, and whether it holds.</summary>
internal sealed record Figure(string Name, string Journal, string Baseline, double? Ratio, string Target, bool? Pass)
{
    /// <summary>Journal ÷ baseline must be at least <paramref name="min"/> (more is better).</summary>
    public static Figure AtLeast(string name, double journal, double baseline, string unit, double min) =>
        Of(name, journal, baseline, unit, $"≥ {min.ToString(CultureInfo.InvariantCulture)}", r => r >= min);

    /// <summary>Journal ÷ baseline must be at most <paramref name="max"/> (less is better).</summary>
    public static Figure AtMost(string name, double journal, double baseline, string unit, double max) =>
        Of(name, journal, baseline, unit, $"≤ {max.ToString(CultureInfo.InvariantCulture)}", r => r <= max);

    private static Figure Of(string name, double journal, double baseline, string unit, string target, Func<double, bool> holds)
    {
        double? ratio = baseline > 0 && !double.IsNaN(journal) && !double.IsNaN(baseline) ? journal / baseline : null;
        return new Figure(name, Format(journal, unit), Format(baseline, unit), ratio, target, ratio is { } r ? holds(r) : null);
    }

    public static string Format(double value, string unit) => double.IsNaN(value)
        ? "n/a"
        : unit switch
        {
            "ms" => string.Create(CultureInfo.InvariantCulture, $"{value:0.0} ms"),
            "s" => string.Create(CultureInfo.InvariantCulture, $"{value:0.00} s"),
            "MB" => string.Create(CultureInfo.InvariantCulture, $"{value:0} MB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{value:#,0} {unit}"),
        };
}

internal static class Report
{
    private static readonly string[] Header = ["figure", "Journal", "baseline", "ratio", "target", "result"];

    public static string[] Cells(Figure f) =>
    [
        f.Name, f.Journal, f.Baseline,
        f.Ratio is { } r ? r.ToString(r >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) : "—",
        f.Target,
        f.Pass switch { true => "pass", false => "FAIL", null => "n/a" },
    ];

    /// <summary>Aligned columns for the terminal.</summary>
    public static string Text(IReadOnlyList<Figure> figures)
    {
        var rows = figures.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c is 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (i == 0) text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<Figure> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Join("|", Header.Select((_, c) => c == 0 ? "---" : "---:")) + "|");
        foreach (var f in figures) text.AppendLine("| " + string.Join(" | ", Cells(f)) + " |");
        return text.ToString();
    }
}
