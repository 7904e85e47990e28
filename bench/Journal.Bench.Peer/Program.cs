using System.Text.Json.Serialization;
using Journal.Bench.Peer;
using Npgsql;

// The hand-written peer: accounts and tokens, StartNotebook, LogDay and the progress GET over five small tables of
// its own (PeerSchema), each request one pooled connection and plain SQL. Its connection settings are the ones the
// service tunes its own to (JournalDatabase.Tuned: no reset round trip, automatic preparation).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
var connectionString = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Peer")
    ?? throw new InvalidOperationException("ConnectionStrings:Peer is not set"))
{
    NoResetOnClose = true, MaxAutoPrepare = 50,
}.ConnectionString;
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
await PeerSchema.CreateAsync(app.Services.GetRequiredService<NpgsqlDataSource>());

app.MapGet("/health/ready", PeerSchema.ReadyAsync);
app.MapPost("/api/accounts", Accounts.SignUpAsync);
app.MapPost("/api/tokens", Accounts.IssueTokenAsync);
app.MapPost("/api/notebooks", StartNotebookEndpoint.PostAsync);
app.MapPost("/api/notebooks/{notebookId:guid}/days", LogDayEndpoint.PostAsync);
app.MapGet("/api/notebooks/{notebookId:guid}", ProgressEndpoint.GetAsync);
app.Run();
