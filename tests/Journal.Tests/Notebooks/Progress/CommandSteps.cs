using Journal.Contracts;

namespace Journal.Tests.Notebooks.Progress;

/// <summary>Any notebook command described by a kind, a day offset and a number: the material of random command sequences.</summary>
public static class CommandSteps
{
    public enum Kind { Log, Skip, Revise, Retract, CancelSkip, ChangePlan, ChangeTimeZone, Abandon, Resume, NextDay }

    /// <summary>Sends the step's command for <paramref name="date"/>, or moves the clock on; any answer but a server error is fine.</summary>
    public static async Task Run(IAlbaHost host, TestClock clock, Guid id, DateOnly date, CommandStep step)
    {
        var url = $"/api/notebooks/{id}";
        var iso = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = step.Kind switch
        {
            Kind.Log => await host.Send(HttpMethod.Post, $"{url}/days", new LogDay($"Day {iso}", date, "Summary", "Entry", step.Number * 10)),
            Kind.Skip => await host.Send(HttpMethod.Post, $"{url}/skips", new SkipDay(date, "Rest")),
            Kind.Revise => await host.Send(HttpMethod.Put, $"{url}/days/{iso}", new ReviseDay($"Revised {step.Number}", null, "New", step.Number)),
            Kind.Retract => await host.Send(HttpMethod.Delete, $"{url}/days/{iso}"),
            Kind.CancelSkip => await host.Send(HttpMethod.Delete, $"{url}/skips/{iso}"),
            Kind.ChangePlan => await host.Send(HttpMethod.Put, $"{url}/plan", new ChangePlan(step.Number, step.Number + step.Offset)),
            Kind.ChangeTimeZone => await host.Send(HttpMethod.Put, $"{url}/time-zone", new ChangeTimeZone(step.Number % 2 == 0 ? "Australia/Sydney" : "America/New_York")),
            Kind.Abandon => await host.Send(HttpMethod.Post, $"{url}/abandon"),
            Kind.Resume => await host.Send(HttpMethod.Post, $"{url}/resume"),
            _ => null,
        };
        if (step.Kind == Kind.NextDay) clock.Now = clock.Now.AddHours(7 * step.Number);
        // Many steps are refused (a date already logged, a closed notebook); a server error never may be.
        Assert.True(response is null || (int)response.StatusCode < 500, response?.ToString());
    }
}

public sealed record CommandStep(CommandSteps.Kind Kind, int Offset, int Number);
