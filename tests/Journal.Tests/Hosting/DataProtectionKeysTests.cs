using System.Xml.Linq;
using Journal.Hosting;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Journal.Tests.Hosting;

/// <summary>The key ring behind cookies and antiforgery tokens lives in the database: restarts and other nodes read the same keys.</summary>
public sealed class DataProtectionKeysTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void The_app_keeps_its_key_ring_in_the_database() =>
        Assert.IsType<DataProtectionKeys>(Host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);

    [Fact]
    public void A_stored_key_is_read_back_by_another_repository_as_another_node_would()
    {
        var key = new XElement("key", new XAttribute("id", "3f1e"), new XElement("descriptor", "secret material"));
        new DataProtectionKeys(Fixture.Store).StoreElement(key, "key-3f1e");

        var read = new DataProtectionKeys(Fixture.Store).GetAllElements();

        Assert.Equal(key.ToString(), Assert.Single(read).ToString());
    }
}
