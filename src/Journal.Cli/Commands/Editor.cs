using System.Diagnostics;
using System.Text;

namespace Journal.Cli.Commands;

/// <summary>An entry written in the user's editor ($VISUAL, else $EDITOR, else vi or notepad), in a file only they can read.</summary>
internal static class Editor
{
    public static async Task<string> EditAsync(CliContext context, CancellationToken ct)
    {
        var editor = context.Environment("VISUAL") is { Length: > 0 } visual ? visual
            : context.Environment("EDITOR") is { Length: > 0 } chosen ? chosen
            : OperatingSystem.IsWindows() ? "notepad" : "vi";
        var file = Path.Combine(Path.GetTempPath(), $"journal-entry-{Guid.NewGuid():N}.md");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (new FileStream(file, options)) { }
        try
        {
            // Through the shell, so that an editor given with its options ("code --wait") runs as the user would run it.
            var start = OperatingSystem.IsWindows()
                ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/c", $"{editor} \"{file}\"" } }
                : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", editor + " \"$1\"", "sh", file } };
            start.UseShellExecute = false;
            using var process = Process.Start(start) ?? throw new CliException(ExitCodes.Refused, $"could not start the editor ({editor}).");
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new CliException(ExitCodes.Refused, $"the editor ({editor}) exited with {process.ExitCode}: nothing was logged.");
            return await File.ReadAllTextAsync(file, Encoding.UTF8, ct);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
