namespace Journal.Accounts;

/// <summary>A live share link: its unguessable slug names one notebook of one account. Global.</summary>
public sealed class ShareLink
{
    public string Id { get; set; } = "";
    public Guid AccountId { get; set; }
    public Guid NotebookId { get; set; }
}
