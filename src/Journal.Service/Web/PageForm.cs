namespace Journal.Web;

/// <summary>One form of a page: its fields as typed, its errors beside them, and the label of each field.</summary>
/// <param name="Id">Unique on the page ("log", "plan"): field ids are "log-title".</param>
public sealed class PageForm(string id, IReadOnlyDictionary<string, string> labels)
{
    public string Id { get; } = id;
    public IReadOnlyDictionary<string, string> Labels { get; } = labels;
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public FormErrors Errors { get; } = new();

    /// <summary>Keeps every labelled field as typed and gives a reader for the values the command takes.</summary>
    public FormReader Read(IFormCollection form)
    {
        var reader = new FormReader(form, Errors);
        foreach (var name in Labels.Keys) Values[name] = reader.Text(name);
        return reader;
    }

    public FieldView Field(string name, string type = "text", string? hint = null, bool required = false, int rows = 0,
        string? inputMode = null, IReadOnlyList<string>? options = null) =>
        new(Id, name, Labels[name], Values.GetValueOrDefault(name), Errors.For(name), type, hint, required, rows, inputMode, Options: options);
}
