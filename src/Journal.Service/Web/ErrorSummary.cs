namespace Journal.Web;

/// <summary>A form's refusal at its top, drawn by the _ErrorSummary partial: the headline, then what belongs to no field.</summary>
public sealed record ErrorSummary(FormErrors Errors, string Headline);
