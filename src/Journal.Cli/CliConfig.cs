using System.Text.Json;

namespace Journal.Cli;

/// <summary>
/// The sign-in <c>journal login</c> keeps: the service's address and a personal access token, in config.json of the
/// user's config folder, readable by its owner only (0600 in a 0700 folder). JOURNAL_URL and JOURNAL_TOKEN override it
/// (for scripts and CI, where nothing is stored).
/// </summary>
public sealed record CliConfig(string Url, string Token, Guid? TokenId = null, string? Email = null, string? TokenName = null)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathIn(string folder) => System.IO.Path.Combine(folder, "config.json");

    public static CliConfig? Load(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CliConfig>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            throw new CliException(ExitCodes.Unauthorized, $"{path} is not a sign-in journal can read: run `journal login` again.");
        }
    }

    /// <summary>The address and token to use: the environment's, else the stored sign-in's; null when there is neither.</summary>
    public static (string Url, string Token)? Current(CliContext context)
    {
        var stored = Load(context.ConfigFolder);
        var url = context.Environment("JOURNAL_URL") is { Length: > 0 } envUrl ? envUrl : stored?.Url ?? DefaultUrl;
        var token = context.Environment("JOURNAL_TOKEN") is { Length: > 0 } envToken ? envToken : stored?.Token;
        return token is null ? null : (url, token);
    }

    /// <summary>Writes the sign-in atomically (a new file renamed over the old), readable and writable by its owner only.</summary>
    public void Save(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = PathIn(folder);
        var partial = path + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(partial, options)) JsonSerializer.Serialize(file, this, Json);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(partial, path, overwrite: true);
    }

    public static bool Delete(string folder)
    {
        var path = PathIn(folder);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }
}
