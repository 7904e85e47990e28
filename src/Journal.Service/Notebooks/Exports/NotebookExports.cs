using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Journal.Contracts;
using Journal.Notebooks.Days;
using Journal.Notebooks.Progress;
using Journal.Web;
using Marten;
using SessionOptions = Marten.Services.SessionOptions;
using Npgsql;

namespace Journal.Notebooks.Exports;

/// <summary>The three ways to export a notebook.</summary>
public enum ExportFormat { Events, Markdown, Csv }

/// <summary>
/// Writes exports straight to a stream (an HTTP response, a file) as they are read: events a page of rows at a time,
/// day entries one at a time, an account one notebook at a time. Nothing holds a whole notebook's entries or a whole
/// account in memory. Every read of one export runs in one read-only, repeatable-read transaction
/// (<see cref="ExportSnapshot"/>), so the files of an export agree with each other and with its manifest.
/// </summary>
public static class NotebookExports
{
    public const string ManifestFormat = "journal-export";
    public const int ManifestFormatVersion = 1;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>"events", "markdown" or "csv", in any case; null for anything else.</summary>
    public static ExportFormat? Parse(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "events" => ExportFormat.Events,
        "markdown" => ExportFormat.Markdown,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.Events => EventLines.MediaType,
        ExportFormat.Markdown => NotebookMarkdown.MediaType + "; charset=utf-8",
        _ => NotebookCsv.MediaType + "; charset=utf-8",
    };

    public static string FileName(string title, ExportFormat format) => ExportNames.Slug(title) + format switch
    {
        ExportFormat.Events => ".events.jsonl",
        ExportFormat.Markdown => ".md",
        _ => ".csv",
    };

    public static Task<long> WriteAsync(IQuerySession session, NotebookProgress notebook, ExportFormat format, Stream output, DateTimeOffset now, CancellationToken ct) =>
        format switch
        {
            ExportFormat.Events => WriteEventsAsync(session, notebook.Id, notebook.Version, output, ct),
            ExportFormat.Markdown => WriteMarkdownAsync(session, notebook, output, now, ct),
            _ => WriteCsvAsync(session, notebook.Id, output, ct),
        };

    /// <summary>The notebook's events up to <paramref name="version"/>, one JSON line each; returns how many.</summary>
    public static async Task<long> WriteEventsAsync(IQuerySession session, Guid notebookId, long version, Stream output, CancellationToken ct)
    {
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        var written = 0L;
        const int page = 500;
        for (var after = 0L; after < version;)
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == notebookId && e.Version > after && e.Version <= version)
                .OrderBy(e => e.Version).Take(page).ToListAsync(ct);
            if (events.Count == 0) break;
            foreach (var e in events) EventLines.Write(pipe, e);
            await pipe.FlushAsync(ct);
            written += events.Count;
            after = events[^1].Version;
        }
        await pipe.CompleteAsync();
        return written;
    }

    public static async Task<long> WriteMarkdownAsync(IQuerySession session, NotebookProgress notebook, Stream output, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var view = NotebookView.Of(notebook, await DayTexts.LoadAsync(session, notebook, ct), now, $"/notebooks/{notebook.Id}");
        await NotebookMarkdown.WriteAsync(writer, view, Entries(session, notebook.Id, ct), now, ct);
        return notebook.DaysLogged;
    }

    public static async Task<long> WriteCsvAsync(IQuerySession session, Guid notebookId, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(NotebookCsv.Header);
        var dayNumber = 0;
        // Day numbers are the rank of a date among the logged dates: the row's place in date order.
        await foreach (var day in Entries(session, notebookId, ct)) await writer.WriteAsync(NotebookCsv.Row(++dayNumber, day));
        return dayNumber;
    }

    private static IAsyncEnumerable<DayEntry> Entries(IQuerySession session, Guid notebookId, CancellationToken ct) =>
        session.Query<DayEntry>().Where(d => d.NotebookId == notebookId).OrderBy(d => d.Date).ToAsyncEnumerable(ct);

    /// <summary>A notebook as an account export lists it, before any of its files is written.</summary>
    private sealed record Listed(Guid Id, string Title, NotebookStatus Status, long Version, DateOnly StartDate);

    /// <summary>
    /// The account's every notebook as a zip: <c>manifest.json</c> first, then a folder per notebook (oldest start first)
    /// with <c>events.jsonl</c>, <c>notebook.md</c> and <c>days.csv</c>. <paramref name="progress"/> hears of each
    /// notebook written. Returns the notebooks and events written.
    /// </summary>
    public static async Task<(int Notebooks, long Events)> WriteAccountAsync(IQuerySession session, Guid accountId, Stream output, DateTimeOffset now,
        IProgress<(int Done, int Total, string Title)>? progress, CancellationToken ct)
    {
        var listed = await session.Query<NotebookProgress>().OrderBy(p => p.StartDate).ThenBy(p => p.Id)
            .Select(p => new Listed(p.Id, p.Title, p.Status, p.Version, p.StartDate)).ToListAsync(ct);
        var folders = listed.Select(n => $"{ExportNames.Slug(n.Title)}-{n.Id}").ToList();
        var manifest = new ExportManifest(ManifestFormat, ManifestFormatVersion, now, accountId,
            [.. listed.Select((n, i) => new ExportedNotebook(n.Id, n.Title, n.Status.ToString(), n.Version,
                $"{folders[i]}/events.jsonl", $"{folders[i]}/notebook.md", $"{folders[i]}/days.csv"))]);

        // The zip writes an entry's end and its directory synchronously: into this buffer, sent on asynchronously.
        await using var buffered = new AsyncWriteStream(output);
        var zip = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await WriteEntryAsync(zip, buffered, "manifest.json", now, async stream =>
        {
            await JsonSerializer.SerializeAsync(stream, manifest, ManifestJson, ct);
            await stream.WriteAsync("\n"u8.ToArray(), ct);
        }, ct);
        var events = 0L;
        for (var i = 0; i < listed.Count; i++)
        {
            var notebook = await session.LoadAsync<NotebookProgress>(listed[i].Id, ct)
                ?? throw new InvalidOperationException($"Notebook {listed[i].Id} vanished inside the export's snapshot.");
            await WriteEntryAsync(zip, buffered, manifest.Notebooks[i].Events, now, async s => events += await WriteEventsAsync(session, notebook.Id, listed[i].Version, s, ct), ct);
            await WriteEntryAsync(zip, buffered, manifest.Notebooks[i].Markdown, now, s => WriteMarkdownAsync(session, notebook, s, now, ct), ct);
            await WriteEntryAsync(zip, buffered, manifest.Notebooks[i].Csv, now, s => WriteCsvAsync(session, notebook.Id, s, ct), ct);
            progress?.Report((i + 1, listed.Count, notebook.Title));
        }
        await zip.DisposeAsync();
        await buffered.FlushAsync(ct);
        return (listed.Count, events);
    }

    private static readonly JsonSerializerOptions ManifestJson = new(EventLines.Json) { WriteIndented = true };

    private static async Task WriteEntryAsync(ZipArchive zip, AsyncWriteStream output, string path, DateTimeOffset now, Func<Stream, Task> write, CancellationToken ct)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = now;
        await using (var stream = await entry.OpenAsync(ct)) await write(stream);
        await output.FlushAsync(ct);
    }

    public static string AccountFileName(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"journal-export-{now.UtcDateTime:yyyy-MM-dd}.zip");
}

/// <summary>
/// One export's reads in one read-only, repeatable-read transaction of the account's tenant: a notebook written to
/// meanwhile is exported as it stood when the export began, its events, entries and manifest alike.
/// </summary>
public sealed class ExportSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ExportSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, IQuerySession session) =>
        (_connection, _transaction, Session) = (connection, transaction, session);

    public IQuerySession Session { get; }

    public static async Task<ExportSnapshot> OpenAsync(IDocumentStore store, string tenantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
                await readOnly.ExecuteNonQueryAsync(ct);
            var options = SessionOptions.ForTransaction(transaction);
            options.TenantId = tenantId;
            return new ExportSnapshot(connection, transaction, store.QuerySession(options));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>
/// File names made from titles: "Learning Rust" is learning-rust; letters of any script stay ("русский-язык"), and Latin
/// letters lose their accents ("française" is francaise), so that the common case is plain ASCII.
/// </summary>
public static class ExportNames
{
    public const int MaxSlugLength = 60;

    public static string Slug(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var slug = new StringBuilder();
        var afterAscii = false;
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            var mark = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
            if (mark && afterAscii) continue; // é is e; й stays й
            if (mark && slug.Length > 0 && slug[^1] != '-') slug.Append(c);
            else if (char.IsLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (!mark && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (!mark) afterAscii = char.IsAscii(c);
            if (slug.Length >= MaxSlugLength) break;
        }
        var text = slug.ToString().Normalize(NormalizationForm.FormC).Trim('-');
        return text.Length == 0 ? "notebook" : text;
    }
}

/// <summary>
/// A write-only stream over an output that takes no synchronous writes (an HTTP response): synchronous writes are kept
/// in memory until the next asynchronous write or flush sends them on. Asynchronous writes go on as they come once the
/// buffer holds more than a few pages, so memory stays small whatever the size of what passes through.
/// </summary>
public sealed class AsyncWriteStream(Stream output) : Stream
{
    private const int SendAbove = 64 * 1024;
    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    /// <summary>Nothing: only an asynchronous flush sends what is kept.</summary>
    public override void Flush() { }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        if (_pending.Length > SendAbove) await FlushAsync(cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length > 0)
        {
            await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
            _pending.SetLength(0);
        }
        await output.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _pending.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _pending.Dispose();
        base.Dispose(disposing);
    }
}
