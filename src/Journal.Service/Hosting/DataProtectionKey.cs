namespace Journal.Hosting;

/// <summary>One key of the data-protection key ring (cookies, antiforgery tokens), as ASP.NET Core writes it.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}
