using System.Diagnostics;

namespace Journal.Tests;

/// <summary>Runs the built service as its own process, as an operator would (`dotnet Journal.Service.dll …`).</summary>
public static class ServiceProcess
{
    /// <summary>The service's build output beside this test project's (same configuration).</summary>
    public static string Folder => AppContext.BaseDirectory.Replace(
        Path.Combine("tests", "Journal.Tests"), Path.Combine("src", "Journal.Service"), StringComparison.Ordinal);

    /// <summary>`dotnet Journal.Service.dll args` with its output redirected.</summary>
    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        info.ArgumentList.Add(Path.Combine(Folder, "Journal.Service.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        return info;
    }

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
