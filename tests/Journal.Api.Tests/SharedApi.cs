[assembly: AssemblyFixture(typeof(Journal.Api.Tests.SharedApi))]

namespace Journal.Api.Tests;

/// <summary>One app for the tests that only read the document or drive a short path (the Prism session has its own).</summary>
public sealed class SharedApi : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await ApiHost.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
