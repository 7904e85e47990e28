using System.Globalization;
using Journal.Notebooks.Rules;

namespace Journal.Web;

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
        return Guid.TryParse(text, out var id) ? id : null;
    }
}
