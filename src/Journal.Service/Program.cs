using Journal.Hosting;
using JasperFx;

StartupJit.Start();
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

EmbeddedPostgres? embedded;
try
{
    embedded = await JournalDatabase.PrepareAsync(builder);
}
catch (DatabaseUnavailableException e)
{
    await Console.Error.WriteLineAsync($"Journal cannot start: {e.Message}");
    return 1;
}

await using (embedded)
{
    builder.AddJournalPersistence();
    builder.AddJournalHttp();

    var app = builder.Build();
    app.UseJournalHttp();
    app.LogWhenReady(embedded?.DataDirectory);
    // A verb (codegen, projections, audit, …) goes to JasperFx's commands; a plain start just runs.
    if (args.Length > 0 && !args[0].StartsWith('-')) return await app.RunJasperFxCommands(args);
    await app.RunAsync();
    return 0;
}

public partial class Program;
