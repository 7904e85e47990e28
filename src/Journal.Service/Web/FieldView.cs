namespace Journal.Web;

/// <summary>One labelled form field, with its hint and its errors, as the shared _Field partial draws it.</summary>
public sealed record FieldView(
    string Form,
    string Name,
    string Label,
    string? Value,
    IReadOnlyList<string> Errors,
    string Type = "text",
    string? Hint = null,
    bool Required = false,
    int Rows = 0,
    string? InputMode = null,
    string? Autocomplete = "off",
    IReadOnlyList<string>? Options = null)
{
    /// <summary>"log-title": unique on a page that holds several forms.</summary>
    public string Id => $"{Form}-{Name.Replace('.', '-')}";
}
