using JasperFx.CommandLine;
using Journal.Postgres;

namespace Journal.Hosting;

public sealed class DatabaseInput : NetCoreInput
{
    [Description("start: start the embedded PostgreSQL, leave it running and print its connection string; stop: stop it")]
    public string Action { get; set; } = "start";
}

/// <summary>
/// <c>dotnet Journal.Service.dll database start|stop</c>: the embedded PostgreSQL on its own, for several nodes to share
/// (deploy/cluster/cluster.sh starts it once and gives each node the connection string it prints). A node given a
/// connection string never stops the database; one that started its own stops it when it stops.
/// </summary>
[Description("Start the embedded PostgreSQL and leave it running (prints its connection string), or stop it", Name = "database")]
public sealed class DatabaseCommand : JasperFxAsyncCommand<DatabaseInput>
{
    public override async Task<bool> Execute(DatabaseInput input)
    {
        using var host = input.BuildHost();
        if (host.Services.GetService<EmbeddedPostgres>() is not { } embedded)
        {
            await Console.Error.WriteLineAsync("ConnectionStrings__Journal names a database of its own: there is no embedded PostgreSQL to start or stop.");
            return false;
        }
        switch (input.Action)
        {
            case "start":
                embedded.LeaveRunning();
                Console.WriteLine(embedded.ConnectionString);
                return true;
            case "stop":
                await embedded.StopSharedAsync();
                return true;
            default:
                await Console.Error.WriteLineAsync($"Unknown action '{input.Action}': use start or stop.");
                return false;
        }
    }
}
