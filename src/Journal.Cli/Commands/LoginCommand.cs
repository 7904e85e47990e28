using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Journal.Contracts;

namespace Journal.Cli.Commands;

/// <summary><c>journal login [--url URL] [--email E]</c>: asks for the password, makes a token named for this machine, keeps it.</summary>
internal static class LoginCommand
{
    public static Command Build(CliContext context)
    {
        var url = new Option<string?>("--url") { Description = $"The service's address (default: JOURNAL_URL, the last one signed in to, or {CliConfig.DefaultUrl})" };
        var email = new Option<string?>("--email") { Description = "The account's email address (asked for when left out)" };
        var name = new Option<string?>("--token-name") { Description = "The token's name, as the tokens page lists it (default: \"journal on <this machine>\")" };
        var command = new Command("login", "Sign in: asks for your email and password, and keeps a personal access token for this machine") { url, email, name };
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            var stored = CliConfig.Load(context.ConfigFolder);
            var address = result.GetValue(url) ?? context.Environment("JOURNAL_URL") ?? stored?.Url ?? CliConfig.DefaultUrl;
            var account = result.GetValue(email) ?? await AskAsync(context, "Email: ", secret: false)
                ?? throw new CliException(ExitCodes.Usage, "an email address is needed to sign in.");
            var password = await AskAsync(context, "Password: ", secret: true)
                ?? throw new CliException(ExitCodes.Usage, "a password is needed to sign in (at a terminal it is asked for; otherwise the first line of input).");
            var tokenName = result.GetValue(name) ?? $"journal on {context.MachineName}";
            if (tokenName.Length > 100) tokenName = tokenName[..100];

            using var api = new ApiClient(context, address, token: null);
            using var response = await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/tokens")
            {
                Content = JsonContent.Create(new CreateToken(tokenName)),
                Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{account.Trim()}:{password}"))) },
            }, repeatable: false, ct);
            var token = ApiClient.Deserialize<TokenCreatedResponse>(await response.Content.ReadAsStringAsync(ct));
            new CliConfig(api.BaseAddress.ToString().TrimEnd('/'), token.Token, token.Id, account.Trim(), token.Name).Save(context.ConfigFolder);

            // The token this machine had before, at the same service, is not needed any more.
            if (stored is { TokenId: { } oldId } && stored.Url.TrimEnd('/') == api.BaseAddress.ToString().TrimEnd('/'))
            {
                try
                {
                    using var old = new ApiClient(context, stored.Url, stored.Token);
                    (await old.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"api/tokens/{oldId}"), repeatable: false, ct)).Dispose();
                }
                catch (CliException)
                {
                    // Revoked already, or another account's: nothing to do.
                }
            }
            await context.Out.WriteLineAsync($"Signed in to {api.BaseAddress.ToString().TrimEnd('/')} as {account.Trim()}. The token \"{token.Name}\" is kept in {CliConfig.PathIn(context.ConfigFolder)}, readable by you only.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>At a terminal, a prompt (the password without echo); otherwise the next line of input.</summary>
    private static async Task<string?> AskAsync(CliContext context, string prompt, bool secret)
    {
        if (!context.Interactive) return (await context.In.ReadLineAsync())?.TrimEnd('\r');
        await context.Error.WriteAsync(prompt);
        return secret ? context.ReadSecret() : await context.In.ReadLineAsync();
    }
}
