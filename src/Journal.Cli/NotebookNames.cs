using Journal.Contracts;

namespace Journal.Cli;

/// <summary>
/// Which notebook a name on the command line means: its id, the start of its id (at least 4 characters), its title (any
/// case), or the start of exactly one title. A name that fits several is refused with the candidates, never guessed.
/// Pure.
/// </summary>
public static class NotebookNames
{
    public const int MinIdPrefix = 4;

    public static NotebookIndexItem Resolve(string name, IReadOnlyList<NotebookIndexItem> notebooks)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(notebooks);
        var wanted = name.Trim();
        if (Guid.TryParse(wanted, out var id))
            return notebooks.FirstOrDefault(n => n.Id == id)
                ?? throw new CliException(ExitCodes.NotFound, $"no notebook {id} in this account.");

        var stages = new Func<NotebookIndexItem, bool>[]
        {
            n => string.Equals(n.Title.Trim(), wanted, StringComparison.OrdinalIgnoreCase),
            n => wanted.Length >= MinIdPrefix && wanted.All(c => char.IsAsciiHexDigit(c) || c == '-')
                 && n.Id.ToString().StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
            n => n.Title.StartsWith(wanted, StringComparison.OrdinalIgnoreCase),
        };
        foreach (var stage in stages)
        {
            var found = notebooks.Where(stage).ToList();
            if (found.Count == 1) return found[0];
            if (found.Count > 1)
                throw new CliException(ExitCodes.Usage,
                    $"\"{wanted}\" fits {found.Count} notebooks: {string.Join(", ", found.Take(5).Select(n => $"{n.Title} ({ShortId(n.Id, notebooks)})"))}{(found.Count > 5 ? ", …" : "")}; name one by more of its id.");
        }
        throw new CliException(ExitCodes.NotFound, $"no notebook is called \"{wanted}\" or has an id starting so: `journal ls` lists them.");
    }

    /// <summary>The notebook a command acts on when none is named: the only one in progress.</summary>
    public static NotebookIndexItem Default(IReadOnlyList<NotebookIndexItem> notebooks)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        var open = notebooks.Where(n => n.Status == "InProgress").ToList();
        return open.Count switch
        {
            1 => open[0],
            0 => throw new CliException(ExitCodes.NotFound, "no notebook is in progress: name one, or start one with `journal start`."),
            _ => throw new CliException(ExitCodes.Usage,
                $"{open.Count} notebooks are in progress ({string.Join(", ", open.Take(5).Select(n => n.Title))}{(open.Count > 5 ? ", …" : "")}): name the one you mean."),
        };
    }

    /// <summary>The shortest start of <paramref name="id"/>, 8 characters or more, that no other notebook's id shares.</summary>
    public static string ShortId(Guid id, IEnumerable<NotebookIndexItem> notebooks)
    {
        ArgumentNullException.ThrowIfNull(notebooks);
        var text = id.ToString();
        var others = notebooks.Where(n => n.Id != id).Select(n => n.Id.ToString()).ToList();
        for (var length = 8; length < text.Length; length++)
            if (others.All(o => !o.StartsWith(text[..length], StringComparison.Ordinal))) return text[..length];
        return text;
    }
}
