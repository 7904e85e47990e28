using JasperFx.Events.Projections;
using Marten;

namespace Journal.Accounts;

/// <summary>The accounts' part of the store: their streams and documents (global: in the default tenant), projections and indexes.</summary>
public static class AccountsConfiguration
{
    public static StoreOptions ConfigureAccounts(this StoreOptions opts)
    {
        foreach (var (type, name) in AccountEvents.Names) opts.Events.MapEventType(type, name);
        opts.Projections.Add<AccountProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<AccountLookupsProjection>(ProjectionLifecycle.Inline);
        // Accounts live in the default tenant (their events too); Marten keeps an aggregate in its events' tenancy.
        opts.Schema.For<Account>().UniqueIndex(a => a.Email);
        opts.Schema.For<AccessToken>().SingleTenanted().Index(t => t.AccountId);
        opts.Schema.For<ShareLink>().SingleTenanted();
        return opts;
    }
}
