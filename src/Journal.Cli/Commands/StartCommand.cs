using System.CommandLine;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal start TITLE --days N [--span N] [--minutes N] [--start DATE] [--zone ZONE] …</c>: a new notebook.</summary>
internal static class StartCommand
{
    public static Command Build(CliContext context)
    {
        var title = new Argument<string>("title") { Description = "What you study, e.g. \"Learning Rust\"" };
        var days = new Option<int>("--days") { Description = "How many days you plan to study (1–366)", Required = true };
        var span = new Option<int?>("--span") { Description = "Over how many calendar days (default: as many as --days; \"10 days over 2 weeks\" is --days 10 --span 14)" };
        var minutes = new Option<int?>("--minutes") { Description = "A daily commitment in minutes (60 is an hour)" };
        var startDate = new Option<string?>("--start") { Description = "The first day, yyyy-MM-dd (default: today); any date from 1970 on, for an old notebook" };
        var zone = new Option<string?>("--zone") { Description = "The notebook's time zone, an IANA id such as Europe/Berlin (default: this machine's)" };
        var dayStartsAt = new Option<string?>("--day-starts-at") { Description = "When a day begins, HH:mm (default 00:00; 04:00 counts study before 4 a.m. for the day before)" };
        var spark = new Option<string?>("--spark") { Description = "Why you start (Markdown)" };
        var sparkFile = new Option<FileInfo?>("--spark-file") { Description = "Why you start, from a Markdown file" };
        var json = Shared.Json();
        var command = new Command("start", "Start a notebook") { title, days, span, minutes, startDate, zone, dayStartsAt, spark, sparkFile, json };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            if (result.GetValue(spark) is not null && result.GetValue(sparkFile) is not null)
                throw new CliException(ExitCodes.Usage, "give --spark or --spark-file, not both.");
            var why = result.GetValue(sparkFile) is { } file ? await File.ReadAllTextAsync(file.FullName, ct) : result.GetValue(spark);
            TimeOnly? dayStart = null;
            if (result.GetValue(dayStartsAt) is { } at)
                dayStart = TimeOnly.TryParseExact(at, "HH:mm", out var time) ? time
                    : throw new CliException(ExitCodes.Usage, $"--day-starts-at takes a time as HH:mm, such as 04:00; \"{at}\" is not one.");
            var planned = result.GetValue(days);
            var command = new StartNotebook(result.GetValue(title)!, new Plan(planned, result.GetValue(span) ?? planned, result.GetValue(minutes)),
                Spark: why, StartDate: JournalCli.Date(result.GetValue(startDate), "--start"), TimeZone: result.GetValue(zone) ?? LocalZone(), DayStartsAt: dayStart);

            using var api = ApiClient.SignedIn(context);
            var (started, raw) = await api.PostAsync<NotebookStartedResponse>("api/notebooks", command, ct);
            await context.Out.WriteLineAsync(result.GetValue(json) ? raw : $"Started \"{command.Title.Trim()}\" ({started.Id}): `journal log --title …` records a day.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>This machine's time zone as an IANA id (what the service takes), or UTC when it has none.</summary>
    private static string LocalZone()
    {
        var local = TimeZoneInfo.Local;
        if (local.HasIanaId) return local.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(local.Id, out var iana) ? iana : "UTC";
    }
}
