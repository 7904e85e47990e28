using System.Globalization;
using Journal.Notebooks.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web;

/// <summary>
/// A form's errors, keyed like the API's validation errors (by JSON field name: "title", "plan.days"),
/// so each one can be shown beside its field; problems that belong to no field go in <see cref="General"/>.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public List<string> General { get; } = [];

    public bool Any => _fields.Count > 0 || General.Count > 0;

    public IReadOnlyList<string> For(string field) => _fields.TryGetValue(field, out var list) ? list : [];

    public void Add(string field, string message)
    {
        if (!_fields.TryGetValue(field, out var list)) _fields[field] = list = [];
        list.Add(message);
    }

    /// <summary>
    /// Takes a command's problem: validation errors go beside the fields the form has (a field the form
    /// already found unreadable keeps that message alone), other problems (409s) become general errors,
    /// with the date field marked when the date is what clashes.
    /// </summary>
    public void Take(ProblemDetails? problem, IReadOnlyDictionary<string, string> labels)
    {
        if (problem is null) return;
        if (problem is ValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors)
            {
                if (_fields.ContainsKey(field)) continue;
                foreach (var message in messages)
                {
                    if (labels.TryGetValue(field, out var label)) Add(field, Labelled(message, field, label));
                    else General.Add(message);
                }
            }
            return;
        }
        // A state conflict decided on a default that stood in for an unreadable field would only mislead.
        if (_fields.Count > 0) return;
        General.Add(problem.Detail ?? problem.Title ?? "The notebook's state does not allow this.");
        if (problem.Type is Hosting.ProblemTypes.DateAlreadyLogged or Hosting.ProblemTypes.DateAlreadySkipped && labels.ContainsKey("date"))
            Add("date", problem.Detail ?? "This date is taken.");
    }

    /// <summary>"plan.days must be …" reads "Study days must be …" beside the field labelled so.</summary>
    public static string Labelled(string message, string field, string label) =>
        message.StartsWith(field + " ", StringComparison.Ordinal) ? label + message[field.Length..] : message;
}

/// <summary>Reads form fields into the values a command takes; what cannot be read is an error beside the field.</summary>
public sealed class FormReader(IFormCollection form, FormErrors errors)
{
    public string Text(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";

    /// <summary>Null for an empty field; a text that is not a whole number is an error.</summary>
    public int? WholeNumber(string name, string label)
    {
        var text = Text(name).Trim();
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(name, $"{label} must be a whole number.");
        return null;
    }

    /// <summary>A number the command cannot do without: an empty field is an error (and 0 goes to the command).</summary>
    public int RequiredWholeNumber(string name, string label)
    {
        if (Text(name).Trim().Length == 0)
        {
            errors.Add(name, $"{label} is required.");
            return 0;
        }
        return WholeNumber(name, label) ?? 0;
    }

    /// <summary>Null for an empty field (the command's default applies); otherwise yyyy-MM-dd, as date inputs send it.</summary>
    public DateOnly? Date(string name, string label)
    {
        var text = Text(name).Trim();
        if (text.Length == 0) return null;
        if (IsoDates.Parse(text) is { } date) return date;
        errors.Add(name, $"{label} must be a date written yyyy-mm-dd.");
        return null;
    }

    /// <summary>Null for an empty field; otherwise HH:mm (or HH:mm:ss), as time inputs send it.</summary>
    public TimeOnly? Time(string name, string label)
    {
        var text = Text(name).Trim();
        if (text.Length == 0) return null;
        if (TimeOnly.TryParseExact(text, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(name, $"{label} must be a time of day written hh:mm.");
        return null;
    }

    public Guid? Id(string name)
    {
        var text = Text(name).Trim();
        return System.Guid.TryParse(text, out var id) ? id : null;
    }
}

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

/// <summary>The IANA zone ids a notebook may name, for the start form's list.</summary>
public static class ZoneChoices
{
    public static readonly IReadOnlyList<string> All =
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id)
            .Where(id => TimeZones.FindIana(id) is not null).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

public static class PageRedirects
{
    /// <summary>303 See Other: after a form's POST the browser GETs the result (POST-redirect-GET).</summary>
    public static IActionResult SeeOther(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, string url)
    {
        page.Response.Headers.Location = url;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
