using Journal.Notebooks;

namespace Journal.Accounts.Deciders;

public static class ShareNotebookDecider
{
    /// <summary>A notebook has one share link at a time: sharing a shared notebook records nothing (its link stands).</summary>
    public static Decision Share(Account account, Guid notebookId, string newSlug) =>
        account.ShareLinks.Any(s => s.NotebookId == notebookId)
            ? Decision.Accept()
            : Decision.Accept(new ShareLinkCreated(notebookId, newSlug));

    public static Decision Unshare(Account account, Guid notebookId)
    {
        var links = account.ShareLinks.Where(s => s.NotebookId == notebookId).ToList();
        return links.Count == 0
            ? Decision.Refuse(AccountRefusals.NotShared(notebookId))
            : Decision.Accept([.. links.Select(s => new ShareLinkRevoked(notebookId, s.Slug))]);
    }
}
