using Journal.Notebooks;

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
    /// Takes a command's refusal: validation errors go beside the fields the form has (a field the form
    /// already found unreadable keeps that message alone), other refusals (409s) become general errors,
    /// with the date field marked when the date is what clashes.
    /// </summary>
    public void Take(Refusal? refusal, IReadOnlyDictionary<string, string> labels)
    {
        if (refusal is null) return;
        if (refusal.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
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
        General.Add(refusal.Detail);
        if (refusal.Type is Refusals.DateAlreadyLogged or Refusals.DateAlreadySkipped && labels.ContainsKey("date"))
            Add("date", refusal.Detail);
    }

    /// <summary>"plan.days must be …" reads "Study days must be …" beside the field labelled so.</summary>
    public static string Labelled(string message, string field, string label) =>
        message.StartsWith(field + " ", StringComparison.Ordinal) ? label + message[field.Length..] : message;
}
