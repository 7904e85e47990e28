using System.Runtime;

namespace Journal.Hosting;

/// <summary>
/// Multicore JIT: each start records which methods it compiled, and the next start compiles them ahead on
/// another core while the host is being built (docs/performance.md, cold start). The profile lives beside
/// the embedded database's data (per user); a start that cannot write there simply runs without one.
/// </summary>
public static class StartupJit
{
    public static void Start()
    {
        var folder = Environment.GetEnvironmentVariable("JOURNAL_JIT_PROFILE_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "journal", "jit");
        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile("service.jitprofile");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No profile: the start is as it would be without one.
        }
    }
}
