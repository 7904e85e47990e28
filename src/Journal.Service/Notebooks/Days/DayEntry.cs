namespace Journal.Notebooks.Days;

/// <summary>
/// One logged day's full entry, its own document so that reading progress never loads entries. A record: the
/// projection stores a changed copy, which Marten's identity map accepts only for equatable documents.
/// </summary>
public sealed record DayEntry
{
    public string Id { get; set; } = "";
    public Guid NotebookId { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string? Entry { get; set; }
    public int? Minutes { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset? RevisedAt { get; set; }
    public bool Backfilled { get; set; }

    public static string IdFor(Guid notebookId, DateOnly date) => $"{notebookId:N}/{date:yyyy-MM-dd}";
}
