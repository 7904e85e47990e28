using Npgsql;

namespace Journal.Bench.Peer;

/// <summary>
/// The peer's tables, in schema <c>peer</c> of its own database: a notebook is one row holding its counts (updated by
/// every LogDay under a row lock), its days and rest days rows of their own keyed by date, so that "already logged" is
/// the primary key's answer.
/// </summary>
public static class PeerSchema
{
    public static async Task CreateAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("""
            CREATE SCHEMA IF NOT EXISTS peer;
            CREATE TABLE IF NOT EXISTS peer.accounts (
                id uuid PRIMARY KEY, email text NOT NULL UNIQUE, password_hash bytea NOT NULL, salt bytea NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS peer.tokens (
                hash bytea PRIMARY KEY, account_id uuid NOT NULL REFERENCES peer.accounts (id), name text NOT NULL,
                scopes text[] NOT NULL, revoked_at timestamptz, created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS peer.notebooks (
                id uuid PRIMARY KEY, account_id uuid NOT NULL REFERENCES peer.accounts (id),
                title text NOT NULL, spark text, plan_days int NOT NULL, span_days int NOT NULL, minutes_per_day int,
                start_date date NOT NULL, time_zone text NOT NULL, day_starts_at time NOT NULL, status text NOT NULL,
                days_logged int NOT NULL DEFAULT 0, days_skipped int NOT NULL DEFAULT 0, minutes_studied int NOT NULL DEFAULT 0,
                last_studied_on date, version bigint NOT NULL,
                last_activity_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX IF NOT EXISTS notebooks_account ON peer.notebooks (account_id);
            CREATE TABLE IF NOT EXISTS peer.days (
                notebook_id uuid NOT NULL REFERENCES peer.notebooks (id), date date NOT NULL, title text NOT NULL,
                summary text, entry text, minutes int, recorded_on date NOT NULL, backfilled boolean NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (notebook_id, date));
            CREATE TABLE IF NOT EXISTS peer.skips (
                notebook_id uuid NOT NULL REFERENCES peer.notebooks (id), date date NOT NULL, reason text,
                late boolean NOT NULL, PRIMARY KEY (notebook_id, date));
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Ready when the database answers, as the service's /health/ready.</summary>
    public static async Task<IResult> ReadyAsync(NpgsqlDataSource data, HttpContext http)
    {
        await using var command = data.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(http.RequestAborted);
        return Results.Ok("ready");
    }
}
