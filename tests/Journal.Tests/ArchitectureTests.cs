using Journal.Notebooks;
using NetArchTest.Rules;

namespace Journal.Tests;

/// <summary>
/// Dependencies point one way: the domain (events, write model, deciders, rules) knows no transport or store;
/// HTTP and the pages build on the domain; hosting builds on everything. Read from the compiled service.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Types Service = Types.InAssembly(typeof(Notebook).Assembly);

    private static readonly string[] Transport = ["Microsoft.AspNetCore", "Wolverine", "Journal.Http", "Journal.Web", "Journal.Hosting"];

    private static void Holds(ConditionList rule, string because)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, $"{because}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Deciders_and_rules_know_no_transport_and_no_store() =>
        Holds(Service.That().ResideInNamespace("Journal.Notebooks.Deciders").Or().ResideInNamespace("Journal.Notebooks.Rules")
            .ShouldNot().HaveDependencyOnAny([.. Transport, "Marten", "JasperFx", "Npgsql"]),
            "deciders and rules are plain functions");

    [Fact]
    public void The_domain_types_know_no_transport_and_no_store() =>
        Holds(Service.That().ResideInNamespaceMatching(@"^Journal\.Notebooks$").And().DoNotHaveName(nameof(NotebooksConfiguration))
            .ShouldNot().HaveDependencyOnAny([.. Transport, "Marten", "JasperFx", "Npgsql"]),
            "events, the write model, decisions and refusals are plain types");

    [Fact]
    public void Projections_and_read_models_know_no_transport_outside_their_endpoints_and_commands() =>
        Holds(Service.That().ResideInNamespaceMatching(@"^Journal\.Notebooks\.(Progress|Days|Index|History|Audit)$")
            .And().DoNotHaveNameEndingWith("Endpoint").And().DoNotHaveNameEndingWith("Command")
            .ShouldNot().HaveDependencyOnAny(Transport),
            "read models and projections are served by their endpoints (HTTP) and commands (the command line), not shaped by them");

    [Fact]
    public void Http_builds_on_the_domain_and_not_on_hosting_or_the_pages() =>
        Holds(Service.That().ResideInNamespace("Journal.Http").ShouldNot().HaveDependencyOnAny("Journal.Hosting", "Journal.Web"),
            "HTTP sits between the domain and hosting");

    [Fact]
    public void The_pages_call_no_endpoint_and_no_hosting() =>
        Holds(Service.That().ResideInNamespace("Journal.Web").ShouldNot().HaveDependencyOnAny("Journal.Hosting", "Journal.Notebooks.Endpoints")
            .And().NotHaveDependencyOnAny(
                "Journal.Notebooks.Progress.GetNotebookProgressEndpoint", "Journal.Notebooks.Days.GetDayEndpoint",
                "Journal.Notebooks.Index.GetNotebookIndexEndpoint", "Journal.Notebooks.History.GetHistoryEndpoint",
                "Journal.Notebooks.Audit.GetAuditEndpoint"),
            "the pages share the deciders and the write path, never an endpoint");

    [Fact]
    public void Exports_build_on_the_domain_and_nothing_of_it_or_the_pages_builds_on_exports() =>
        Holds(Service.That().ResideInNamespaceMatching(@"^Journal\.(Notebooks(\.(Deciders|Rules|Progress|Days|Index|History|Audit|Endpoints))?|Web|Http)$")
            .ShouldNot().HaveDependencyOn("Journal.Notebooks.Exports"),
            "an export reads the notebook the way the API and the pages do; they do not reach into exports");

    [Fact]
    public void Nothing_below_hosting_depends_on_it() =>
        Holds(Service.That().DoNotResideInNamespace("Journal.Hosting").And().DoNotResideInNamespace("Internal.Generated")
            .And().DoNotResideInNamespace("JasperFx.Generated") // the command-line parsers JasperFx generates: wiring, like Program
            .And().DoNotHaveName("Program")
            .ShouldNot().HaveDependencyOn("Journal.Hosting"),
            "hosting wires the parts together; no part reaches back into it");
}
