namespace Journal.Http;

/// <summary>The first answer to a request sent with an Idempotency-Key, kept to answer its retries.</summary>
public sealed class StoredAnswer
{
    /// <summary>Method, path and key: a key is scoped to one endpoint and one notebook.</summary>
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int Status { get; set; }
    public string Body { get; set; } = "";
    public string? Location { get; set; }
    public long Version { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
