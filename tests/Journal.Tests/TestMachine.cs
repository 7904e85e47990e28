using System.Net;
using System.Net.Sockets;

namespace Journal.Tests;

/// <summary>What tests ask of the machine they run on: a free port, the repository's folder.</summary>
public static class TestMachine
{
    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository's root: the first folder above the test output that holds Journal.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Journal.sln"))) return dir.FullName;
        throw new InvalidOperationException("No Journal.sln above the test output.");
    }
}
