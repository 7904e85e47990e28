using Journal.Postgres;
using JasperFx;
using Journal.Hosting;
using Journal.Http;
using Journal.Http.Security;
using Journal.Web;

StartupJit.Start();
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

EmbeddedPostgres? embedded;
try
{
    // The configured database, or else a private PostgreSQL cluster of our own (Journal.EmbeddedPostgres).
    embedded = await JournalDatabase.PrepareAsync(builder);
}
catch (DatabaseUnavailableException e)
{
    await Console.Error.WriteLineAsync($"Journal cannot start: {e.Message}");
    return 1;
}

// A verb (codegen, projections, audit, backup, …) goes to JasperFx's commands; a plain start just runs.
var command = args.Length > 0 && !args[0].StartsWith('-');
if (command) builder.Configuration["Journal:Cluster:Join"] = "false"; // a command takes no projection from running nodes
// A command run beside a running service works on its cluster and leaves it running.
if (command && embedded is { Adopted: true }) embedded.LeaveRunning();

await using (embedded)
{
    builder.AddJournalPersistence(); // Marten (the notebooks' events, projections, documents) and Wolverine: Hosting/Persistence.cs
    builder.AddJournalSecurity();    // accounts' sign-in: cookie, tokens, Basic for tokens; scopes; rate limits: Http/Security
    builder.AddJournalApi();         // JSON, problem details, OpenAPI, the one write path: Http/
    builder.AddJournalWeb();         // the pages: Web/
    builder.AddJournalTelemetry();   // traces (OTLP when configured), metrics, projection lag: Hosting/Telemetry.cs
    builder.AddJournalCluster();     // graceful drain behind a load balancer; the node report: Hosting/Cluster.cs

    var app = builder.Build();
    app.UseJournalTelemetry();       // one log line per request; /metrics for loopback or the operator's token
    app.UseJournalHttp();            // problem details for every error; guards before any body is read
    app.UseJournalSecurity();        // who is asking, what they may do, how often
    app.MapJournalHealth();          // /health/live, /health/ready
    app.MapJournalNode();            // /health/node: this node's id, role and projections (operators)
    app.MapJournalApi();             // /api/… (Notebooks/Endpoints and each read model's GET), /openapi, /docs
    app.MapJournalWeb();             // /, /notebooks/…, /assets/…
    app.LogWhenReady(embedded?.DataDirectory);
    if (command) return await app.RunJasperFxCommands(args);
    await app.RunAsync();
    return 0;
}

public partial class Program;
