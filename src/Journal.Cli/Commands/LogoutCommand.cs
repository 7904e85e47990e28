using System.CommandLine;

namespace Journal.Cli.Commands;

/// <summary><c>journal logout</c>: revokes the kept token at the service and forgets it.</summary>
internal static class LogoutCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("logout", "Sign out: revoke this machine's token and forget it");
        command.SetAction((result, ct) => JournalCli.Guard(context, async () =>
        {
            var stored = CliConfig.Load(context.ConfigFolder);
            if (stored is null)
            {
                await context.Out.WriteLineAsync("Not signed in: nothing to do.");
                return ExitCodes.Ok;
            }
            CliException? failed = null;
            if (stored.TokenId is { } id)
            {
                try
                {
                    using var api = new ApiClient(context, stored.Url, stored.Token);
                    (await api.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"api/tokens/{id}"), repeatable: true, ct)).Dispose();
                }
                catch (CliException e) when (e.ExitCode is ExitCodes.Unauthorized or ExitCodes.NotFound)
                {
                    // Revoked already.
                }
                catch (CliException e)
                {
                    failed = e;
                }
            }
            CliConfig.Delete(context.ConfigFolder);
            if (failed is not null)
                throw new CliException(failed.ExitCode, $"forgot the sign-in here, but could not revoke the token \"{stored.TokenName}\" ({failed.Message}); revoke it on the tokens page.");
            await context.Out.WriteLineAsync($"Signed out of {stored.Url}: the token \"{stored.TokenName}\" is revoked and forgotten.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
