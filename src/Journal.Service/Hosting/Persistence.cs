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
        var connectionString = JournalDatabase.ConnectionString(builder.Configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Schema;
                opts.Events.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                NotebookEvents.Register(opts);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Persistence).Assembly; // not the entry assembly, which is the test runner under tests
            opts.Policies.AutoApplyTransactions();
            opts.Durability.EnableDeduplicatedResponses = true;
            opts.CodeGeneration.TypeLoadMode = CodeGenerationMode(builder);
            opts.UseRuntimeCompilation();
        });

        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>
    /// Production loads the handler code committed under Internal/Generated (written by
    /// <c>dotnet run -- codegen write</c>; CI checks it is current) and never compiles at start.
    /// Elsewhere Auto uses that code too, compiling only what is missing, so a new endpoint works before
    /// the code is rewritten. <c>Journal:CodeGeneration</c> (Static, Auto, Dynamic) overrides both.
    /// </summary>
    private static TypeLoadMode CodeGenerationMode(WebApplicationBuilder builder) =>
        builder.Configuration["Journal:CodeGeneration"] is { Length: > 0 } configured
            ? Enum.Parse<TypeLoadMode>(configured, ignoreCase: true)
            : builder.Environment.IsProduction() ? TypeLoadMode.Static : TypeLoadMode.Auto;
}
