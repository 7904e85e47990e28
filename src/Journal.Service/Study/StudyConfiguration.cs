using JasperFx.Events.Projections;
using Marten;

namespace Journal.Study;

/// <summary>The account-wide study view: an asynchronous projection (Wolverine runs it on one node of several).</summary>
public static class StudyConfiguration
{
    public static StoreOptions ConfigureStudy(this StoreOptions opts)
    {
        opts.Projections.Add<AccountStudyProjection>(ProjectionLifecycle.Async);
        // Rolled up by tenant, the daemon writes each account's document in the default tenant under the account's id.
        opts.Schema.For<AccountStudy>().SingleTenanted();
        return opts;
    }
}
