using System.Diagnostics;
using System.Diagnostics.Metrics;
using Journal.Notebooks;

namespace Journal.Http;

/// <summary>
/// Journal's own figures, on one meter named for the service (<see cref="MeterName"/>), counted where they happen: the
/// write paths (<see cref="NotebookCommands"/>, <see cref="AccountCommands"/>) and the rate limiter. Tags never carry
/// an email, a token or a notebook's text: only problem types, sign-in methods and policy names.
/// </summary>
public sealed class JournalMetrics
{
    public const string MeterName = "Journal";

    private readonly Counter<long> _daysLogged;
    private readonly Counter<long> _restDays;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _rateLimited;

    public JournalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _daysLogged = meter.CreateCounter<long>("journal.days.logged", "{day}", "Study days logged (committed DayLogged events)");
        _restDays = meter.CreateCounter<long>("journal.rest_days.taken", "{day}", "Rest days taken (committed DaySkipped events)");
        _refused = meter.CreateCounter<long>("journal.commands.refused", "{command}", "Commands refused, by problem type (error.type)");
        _signInFailures = meter.CreateCounter<long>("journal.sign_in.failures", "{attempt}", "Failed sign-ins, by method and problem type");
        _rateLimited = meter.CreateCounter<long>("journal.requests.rate_limited", "{request}", "Requests refused by a rate limit (429), by policy");
    }

    /// <summary>Counts what a committed decision recorded.</summary>
    public void Committed(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case DayLogged:
                    _daysLogged.Add(1);
                    break;
                case DaySkipped:
                    _restDays.Add(1);
                    break;
            }
        }
    }

    /// <param name="area">"notebook" or "account".</param>
    public void Refused(string problemType, string area) =>
        _refused.Add(1, new TagList { { "error.type", problemType }, { "journal.area", area } });

    /// <param name="method">"password" (the pages) or "basic" (making a token).</param>
    public void SignInFailed(string method, string problemType) =>
        _signInFailures.Add(1, new TagList { { "journal.sign_in.method", method }, { "error.type", problemType } });

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("journal.rate_limit.policy", policy));
}
