using JasperFx.CodeGeneration;
using JasperFx.MultiTenancy;
using Journal.Accounts;
using Journal.Http;
using Journal.Notebooks;
using Journal.Study;
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

        builder.Services.AddMarten(opts =>
            {
                ConfigureMarten(opts, connectionString);
                opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.None; // SchemaCheck applies it at start
            })
            .UseLightweightSessions()
            // Asynchronous projections run as Wolverine agents: each on exactly one node, moved when it stops.
            .IntegrateWithWolverine(m => m.UseWolverineManagedEventSubscriptionDistribution = true);
        // Before Wolverine's and Kestrel's start: no request runs on an old schema.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaCheck>());
        DataProtectionKeys.AddTo(builder.Services);
        builder.Services.AddSingleton<IdempotencyPruning>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdempotencyPruning>());
        builder.Services.AddHostedService<TokenRevocations>();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Persistence).Assembly; // not the entry assembly, which is the test runner under tests
            opts.Policies.AutoApplyTransactions();
            opts.Durability.MessageStorageSchemaName = Schema; // the node and agent tables beside Marten's
            Cluster.Configure(opts.Durability, builder.Configuration.GetSection("Journal:Cluster").Get<ClusterOptions>() ?? new());
            opts.CodeGeneration.TypeLoadMode = CodeGenerationMode(builder);
            opts.UseRuntimeCompilation();
        });

        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>
    /// Release builds carry the handler code committed under Internal/Generated (CI checks it is current)
    /// and load it statically: no compiling at start. Debug builds compile handlers at start.
    /// <c>Journal:CodeGeneration</c> (Static, Auto, Dynamic) overrides the choice.
    /// </summary>
    private static TypeLoadMode CodeGenerationMode(WebApplicationBuilder builder) =>
        builder.Configuration["Journal:CodeGeneration"] is { Length: > 0 } configured
            ? Enum.Parse<TypeLoadMode>(configured, ignoreCase: true)
            : typeof(Persistence).Assembly.GetType("Internal.Generated.WolverineHandlers.GeneratedHttpEndpointRegistry") is null
                ? TypeLoadMode.Dynamic
                : TypeLoadMode.Static;

    /// <summary>The store's layout and projections; also used by the benchmark to seed and rebuild the same tables.</summary>
    public static void ConfigureMarten(StoreOptions opts, string connectionString)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = Schema;
        opts.Events.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        // Every notebook belongs to one account: its events and documents carry the account as their tenant, and a
        // session opened for one account sees nothing of another's. Accounts themselves are global.
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Policies.AllDocumentsAreMultiTenanted();
        opts.ConfigureNotebooks();
        opts.ConfigureAccounts();
        opts.ConfigureStudy();
        // Every document type is named here: the schema is applied at start (SchemaCheck), never on first use.
        opts.Schema.For<StoredAnswer>().Duplicate(answer => answer.StoredAt); // IdempotencyPruning deletes by it
        opts.Schema.For<DataProtectionKey>().SingleTenanted();
    }
}
