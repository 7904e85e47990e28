using Journal.Hosting;
using JasperFx;

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
    return await app.RunJasperFxCommands(args);
}

public partial class Program;
