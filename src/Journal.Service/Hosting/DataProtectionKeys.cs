using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Journal.Hosting;

/// <summary>
/// Keeps the key ring in the database, so sign-in cookies and open forms survive restarts and work on every node
/// (ASP.NET Core's default is a folder in the process's home, lost with a container and not shared between nodes).
/// </summary>
public sealed class DataProtectionKeys(IDocumentStore store) : IXmlRepository
{
    public static void AddTo(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Journal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeys(provider.GetRequiredService<IDocumentStore>())));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The key ring asks synchronously, and rarely (at start and when a key is due): no request waits on this.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return [.. keys.Select(key => XElement.Parse(key.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
