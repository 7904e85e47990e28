using System.Net;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Microsoft.Extensions.Logging;
using static Journal.Tests.Accounts.AccountsApi;

namespace Journal.Tests.Telemetry;

/// <summary>Logs: one structured line per request, with the account's id and the trace id, and never a secret.</summary>
public sealed class TelemetryLogTests(JournalHost fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_request_is_one_json_line_with_route_status_duration_account_and_trace()
    {
        var id = await Host.StartedNotebook();
        HttpResponseMessage refused;
        using (Fixture.Logs.Record())
        {
            await Host.LoggedDay(id, "2026-03-02");
            refused = await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Again", new DateOnly(2026, 3, 2)));
        }
        await refused.Problem(HttpStatusCode.Conflict, "/problems/date-already-logged");
        using var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var problemTrace = answer.RootElement.GetProperty("traceId").GetString()!;

        var requests = Requests();
        Assert.Equal(2, requests.Count);
        var (logged, conflict) = (requests[0], requests[1]);
        Assert.Equal("Information", logged.GetProperty("LogLevel").GetString());
        var state = logged.GetProperty("State");
        Assert.Equal("POST", state.GetProperty("Method").GetString());
        Assert.Equal("/api/notebooks/{notebookId}/days", state.GetProperty("Route").GetString());
        Assert.Equal(201, state.GetProperty("Status").GetInt32());
        Assert.True(state.GetProperty("ElapsedMs").GetDouble() > 0);
        Assert.Equal(Owner.Id.ToString(), state.GetProperty("AccountId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", state.GetProperty("TraceId").GetString());
        Assert.DoesNotContain(id.ToString(), logged.GetRawText(), StringComparison.Ordinal); // the route, not the address
        // The trace id a client sees in a problem is the one in the log.
        Assert.Equal(409, conflict.GetProperty("State").GetProperty("Status").GetInt32());
        Assert.Contains(conflict.GetProperty("State").GetProperty("TraceId").GetString()!, problemTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neither_a_password_nor_a_token_nor_an_email_reaches_the_log_even_at_trace_level()
    {
        const string newPassword = "a brand new passphrase nobody knows";
        string token;
        using (Fixture.Logs.Record())
        {
            token = await Host.Token(Owner.Email, Owner.Password); // Basic email:password
            await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token))).Read<NotebookIndexResponse>(HttpStatusCode.OK);
            await (await Host.Send(HttpMethod.Get, "/api/notebooks", null, Bearer(token + "x"))).Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
            await (await Host.Send(HttpMethod.Put, "/api/me/password", new ChangePassword(Owner.Password, newPassword), Bearer(token)))
                .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await (await Host.Send(HttpMethod.Post, "/api/tokens", new CreateToken("x"), Basic(Owner.Email, "wrong " + newPassword)))
                .Problem(HttpStatusCode.Unauthorized, "/problems/unauthenticated");
        }

        var lines = Fixture.Logs.Lines;
        Assert.True(Requests().Count == 5, $"expected 5 request lines among {lines.Count}:\n{string.Join("\n", lines.Select(l => l.Line))}");
        string[] secrets =
        [
            Owner.Password, newPassword, token, token[4..], Owner.Token, TokenSecrets(Owner.Email, Owner.Password),
            TokenSecrets(Owner.Email, "wrong " + newPassword),
        ];
        foreach (var (level, line) in lines)
        {
            foreach (var secret in secrets) Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a secret in the log ({level}): {line}");
            // Marten's Debug log shows SQL parameters, emails among them; nothing at Information or above may.
            if (level >= LogLevel.Information) Assert.False(line.Contains(Owner.Email, StringComparison.OrdinalIgnoreCase), $"an email in the log: {line}");
        }
    }

    [Fact]
    public async Task Ordinary_use_and_refused_commands_log_nothing_at_warning()
    {
        var id = await Host.StartedNotebook();
        using (Fixture.Logs.Record())
        {
            await Host.LoggedDay(id, "2026-03-02");
            await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("Again", new DateOnly(2026, 3, 2)));
            await Host.Send(HttpMethod.Post, $"/api/notebooks/{id}/days", new LogDay("", new DateOnly(2026, 3, 3)));
            await Host.Send(HttpMethod.Get, $"/api/notebooks/{id}");
            await Host.Send(HttpMethod.Get, $"/api/notebooks/{Guid.NewGuid()}");
            await Host.Send(HttpMethod.Get, "/api/notebooks", null, NoCredentials);
            await Host.Scenario(s => s.Get.Url("/health/ready"));
        }
        Assert.Equal(6, Requests().Count); // the probe is logged at Debug
        var warnings = Fixture.Logs.Lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Line).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    private static string TokenSecrets(string email, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}"));

    /// <summary>The request lines recorded, parsed.</summary>
    private List<JsonElement> Requests() =>
        [.. Fixture.Logs.Lines.Select(l => JsonDocument.Parse(l.Line).RootElement)
            .Where(e => e.GetProperty("Category").GetString() == Journal.Http.RequestLog.Category && e.GetProperty("LogLevel").GetString() == "Information")];
}
