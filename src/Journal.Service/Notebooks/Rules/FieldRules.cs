using System.Globalization;
using System.Text;

namespace Journal.Notebooks.Rules;

/// <summary>
/// Collects field errors for a command (named by their JSON path, e.g. <c>plan.days</c>) and the cleaned
/// values that pass: text trimmed, CRLF normalised to LF. Pure: no clock, no database.
/// </summary>
public sealed class FieldRules
{
    private readonly SortedDictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Fail(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>A single-line text: trimmed, no control characters at all.</summary>
    public string? Line(string field, string? value, int max, bool required) => Text(field, value, max, required, multiline: false);

    /// <summary>Free text (Markdown): trimmed, tab and newline allowed, CRLF normalised to LF.</summary>
    public string? Block(string field, string? value, int max) => Text(field, value, max, required: false, multiline: true);

    public void Range(string field, int? value, int min, int max, bool required = false)
    {
        if (value is null)
        {
            if (required) Fail(field, $"{field} is required.");
            return;
        }
        if (value < min || value > max)
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be between {min} and {max}; it was {value}."));
    }

    /// <summary>A query-string number: <paramref name="fallback"/> when absent, else digits only, from min to max.</summary>
    public long WholeNumber(string field, string? value, long fallback, long min, long max)
    {
        if (string.IsNullOrEmpty(value)) return fallback;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Fail(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be a whole number from {min} to {max}."));
        return fallback;
    }

    /// <summary>Null when every field passed; else a refusal naming each field that did not.</summary>
    public Refusal? Refusal() =>
        IsValid ? null : Refusals.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private string? Text(string field, string? value, int max, bool required, bool multiline)
    {
        if (value is not null && multiline) value = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) Fail(field, $"{field} is required and may not be blank.");
            return null;
        }

        var (length, longest) = Measure(trimmed);
        if (length > max)
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"{field} may hold at most {max} characters; it has {length}."));
        if (longest > MaxCharacterLength)
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"{field} holds a character built of {longest} code units; at most {MaxCharacterLength} are allowed (too many combining marks)."));
        if (!IsWellFormed(trimmed))
            Fail(field, $"{field} holds an unpaired surrogate (not valid Unicode text).");
        if (HasForbiddenControl(trimmed, multiline))
            Fail(field, multiline
                ? $"{field} may not hold control characters other than tab and newline."
                : $"{field} may not hold control characters (including newlines and tabs).");
        return trimmed;
    }

    /// <summary>
    /// Lengths count characters as people see them (text elements), so one letter under 50,000 combining marks
    /// would count as one. No real character comes near this many UTF-16 code units (Unicode's stream-safe form
    /// allows 30 combining marks in a row; the longest emoji sequences have under 20), and refusing longer ones
    /// keeps every field's stored size bounded by its limit.
    /// </summary>
    public const int MaxCharacterLength = 32;

    private static (int Count, int Longest) Measure(string text)
    {
        // ASCII without CR (CR LF is one text element) is one text element per character: no segmenting needed.
        if (Ascii.IsValid(text) && !text.Contains('\r', StringComparison.Ordinal)) return (text.Length, Math.Min(text.Length, 1));
        var (count, longest) = (0, 0);
        for (var i = 0; i < text.Length; count++)
        {
            var next = StringInfo.GetNextTextElementLength(text.AsSpan(i));
            longest = Math.Max(longest, next);
            i += next;
        }
        return (count, longest);
    }

    private static bool HasForbiddenControl(string text, bool multiline)
    {
        foreach (var c in text)
        {
            if (!char.IsControl(c)) continue;
            if (multiline && (c == '\n' || c == '\t')) continue;
            return true;
        }
        return false;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
