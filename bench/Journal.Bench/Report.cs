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

    /// <summary>The target of a figure shown for its ratio alone.</summary>
    public const string NoTarget = "—";

    /// <summary>Journal ÷ baseline, shown with no target to meet (not counted among the targets).</summary>
    public static Figure Reported(string name, double journal, double baseline, string unit) =>
        Of(name, journal, baseline, unit, NoTarget, _ => true) with { Pass = null };

    public bool HasTarget => Target != NoTarget;

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

/// <summary>
/// One line of a comparison of configurations: a value measured on each, in the order of the table's columns. The
/// first is the reference the others are divided by; <paramref name="Format"/> is a .NET number format.
/// </summary>
internal sealed record Compared(string Name, IReadOnlyList<double> Values, string Format, string Unit)
{
    public string Cell(double value) => double.IsNaN(value)
        ? "n/a"
        : value.ToString(Format, CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : "");
}

/// <summary>A table of text cells: what the terminal and the Markdown file show.</summary>
internal sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows);

internal static class Report
{
    private static readonly string[] Header = ["figure", "Journal", "baseline", "ratio", "target", "result"];

    public static string[] Cells(Figure f) =>
    [
        f.Name, f.Journal, f.Baseline,
        Ratio(f.Ratio),
        f.Target,
        f.Pass switch { true => "pass", false => "FAIL", null => f.HasTarget ? "n/a" : "—" },
    ];

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString(r >= 10 ? "0" : "0.00", CultureInfo.InvariantCulture) : "—";

    public static Table Of(IReadOnlyList<Figure> figures) => new(Header, [.. figures.Select(Cells)]);

    /// <summary>
    /// Configurations side by side: the reference's column, then for each other configuration its column and its
    /// ratio to the reference ("—" where the reference is 0, as a proxy's CPU without a proxy).
    /// </summary>
    public static Table Of(IReadOnlyList<string> configurations, IReadOnlyList<Compared> rows)
    {
        var header = new List<string> { "figure", configurations[0] };
        foreach (var other in configurations.Skip(1)) header.AddRange([other, $"{other} ÷ {configurations[0]}"]);
        return new Table(header, [.. rows.Select(row =>
        {
            var reference = row.Values[0];
            var cells = new List<string> { row.Name, row.Cell(reference) };
            foreach (var value in row.Values.Skip(1))
                cells.AddRange([row.Cell(value), Ratio(reference > 0 && !double.IsNaN(value) ? value / reference : null)]);
            return cells.ToArray();
        })]);
    }

    /// <summary>Aligned columns for the terminal.</summary>
    public static string Text(Table table)
    {
        var rows = table.Rows.Prepend([.. table.Header]).ToList();
        var widths = Enumerable.Range(0, table.Header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c is 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (i == 0) text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    /// <summary>The notes as a list (what was run, on what), then the table.</summary>
    public static string Markdown(IReadOnlyList<string> notes, Table table)
    {
        var text = new StringBuilder();
        foreach (var note in notes) text.AppendLine("- " + note);
        if (notes.Count > 0) text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
        text.AppendLine("|" + string.Join("|", table.Header.Select((_, c) => c == 0 ? "---" : "---:")) + "|");
        foreach (var row in table.Rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
        return text.ToString();
    }
}
