using JasperFx.CodeGeneration;
using Journal.Notebooks;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weasel.Core;
using Wolverine;
using Wolverine.Marten;

namespace Journal.Hosting;

public static class Persistence
{
    public const string Schema = "journal";

    /// <summary>Marten as event store and document store, with Wolverine handling commands in its transactions.</summary>
    public static WebApplicationBuilder AddJournalPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = JournalDatabase.Tuned(JournalDatabase.ConnectionString(builder.Configuration));
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddMarten(opts => ConfigureMarten(opts, connectionString))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Persistence).Assembly; // not the entry assembly, which is the test runner under tests
            opts.Policies.AutoApplyTransactions();
            opts.Durability.EnableDeduplicatedResponses = true;
            // The endpoint handlers are generated ahead of time into Internal/Generated (`dotnet run -- codegen write`
            // after changing an endpoint's signature or attributes) and compiled in: compiling them with Roslyn at the
            // first request took seconds and over 150 MB (docs/performance.md). Auto still compiles, at runtime, any
            // endpoint whose handler was not written yet, so a new endpoint works before codegen is rerun.
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            opts.CodeGeneration.SourceCodeWritingEnabled = false;
            opts.UseRuntimeCompilation();
        });

        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>The store's layout and projections; also used by the benchmark to seed and rebuild the same tables.</summary>
    public static void ConfigureMarten(StoreOptions opts, string connectionString)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.Events.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        NotebookEvents.Register(opts);
    }
}
