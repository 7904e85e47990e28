using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary>What several commands take alike: --json, a notebook's name, and finding the notebook it names.</summary>
internal static class Shared
{
    public static Option<bool> Json() => new("--json") { Description = "Print the service's JSON answer instead of text, for scripts" };

    public static Argument<string?> Notebook(bool optional) => new("notebook")
    {
        Description = optional
            ? "The notebook: its title, the start of its title or id, or its id (leave it out when only one is in progress)"
            : "The notebook: its title, the start of its title or id, or its id",
        Arity = optional ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
    };

    /// <summary>The notebook <paramref name="name"/> names, or the only one in progress when it names none.</summary>
    public static async Task<NotebookIndexItem> FindAsync(ApiClient api, string? name, CancellationToken ct)
    {
        var notebooks = await api.NotebooksAsync(null, ct);
        return name is null ? NotebookNames.Default(notebooks) : NotebookNames.Resolve(name, notebooks);
    }
}
