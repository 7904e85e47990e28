using System.Globalization;
using System.IO.Compression;
using System.Text;
using Journal.Contracts;
using Journal.Notebooks.Progress;
using Marten;
using Marten.Exceptions;
using SessionOptions = Marten.Services.SessionOptions;

namespace Journal.Notebooks.Exports;

/// <summary>How an import ended: the notebooks it holds, or the one problem that refused it whole.</summary>
/// <param name="Kind">Invalid (not an export: 400), Refused (a history that breaks a rule: 422), Exists (the id holds
/// other events here: 409), Concurrent (another import made it meanwhile: 409), TooLarge (413).</param>
public sealed record ImportOutcome(ImportResponse? Imported, ImportFailure? Kind = null, ImportProblem? Problem = null)
{
    public static ImportOutcome Failed(ImportFailure kind, ImportProblem problem) => new(null, kind, problem);
}

public enum ImportFailure { Invalid, Refused, Exists, Concurrent, TooLarge }

/// <summary>
/// Imports events exports: one notebook's JSON Lines, or an account's zip (every <c>*.jsonl</c> in it; the Markdown,
/// CSV and manifest are for people and are not read). All or nothing: every line is read, every notebook replayed
/// through the deciders (<see cref="NotebookReplay"/>), and only then are the new notebooks written, in one
/// transaction, with their original versions and recorded times. A notebook the account already holds with exactly
/// these events is left as it is ("unchanged"): importing the same file twice changes nothing the second time.
/// </summary>
public static class NotebookImports
{
    /// <summary>What a zip may unpack to, all its events files together.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    public const int MaxNotebooks = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the bytes are a zip (an account export) rather than JSON Lines (one notebook's events).</summary>
    public static async Task<bool> IsZipAsync(Stream seekable, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        var head = new byte[4];
        var read = await seekable.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        seekable.Position = 0;
        return read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5 && head[3] is 4 or 6;
    }

    /// <summary>Reads the files of an import: a zip's events files, or one events file; each is one notebook.</summary>
    public static async Task<(IReadOnlyList<IReadOnlyList<ImportedEvent>> Notebooks, ImportOutcome? Failed)> ReadAsync(Stream seekable, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seekable);
        if (!await IsZipAsync(seekable, ct))
        {
            var (events, problem) = await ReadLinesAsync(name, seekable, ct);
            return problem is null ? ([events!], null) : ([], ImportOutcome.Failed(ImportFailure.Invalid, problem));
        }

        var notebooks = new List<IReadOnlyList<ImportedEvent>>();
        ZipArchive zip;
        try
        {
            zip = await ZipArchive.CreateAsync(seekable, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
        }
        catch (InvalidDataException e)
        {
            return ([], ImportOutcome.Failed(ImportFailure.Invalid, new ImportProblem(name, 0, $"not a zip that can be read ({e.Message})")));
        }
        await using (zip)
        {
            List<ZipArchiveEntry> files;
            try
            {
                // The central directory is read on first use: a damaged one shows only here.
                files = [.. zip.Entries.Where(e => e.FullName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal)];
            }
            catch (InvalidDataException e)
            {
                return ([], ImportOutcome.Failed(ImportFailure.Invalid, new ImportProblem(name, 0, $"not a zip that can be read ({e.Message})")));
            }
            if (files.Count == 0)
                return ([], ImportOutcome.Failed(ImportFailure.Invalid, new ImportProblem(name, 0,
                    "the zip holds no events file (*.jsonl): import a zip made by GET /api/export, or one notebook's events export.")));
            if (files.Count > MaxNotebooks)
                return ([], ImportOutcome.Failed(ImportFailure.TooLarge, new ImportProblem(name, 0, $"the zip holds {files.Count} events files; an import takes at most {MaxNotebooks}.")));
            var budget = new UnpackBudget(MaxUnpackedBytes);
            foreach (var file in files)
            {
                try
                {
                    await using var content = new LimitedStream(await file.OpenAsync(ct), budget);
                    var (events, problem) = await ReadLinesAsync(file.FullName, content, ct);
                    if (problem is not null) return ([], ImportOutcome.Failed(ImportFailure.Invalid, problem));
                    notebooks.Add(events!);
                }
                catch (InvalidDataException e)
                {
                    return ([], ImportOutcome.Failed(ImportFailure.Invalid, new ImportProblem(file.FullName, 0, $"the zip entry cannot be unpacked ({e.Message})")));
                }
                catch (UnpackBudget.SpentException)
                {
                    return ([], ImportOutcome.Failed(ImportFailure.TooLarge, new ImportProblem(file.FullName, 0,
                        $"the zip's events files unpack to more than {MaxUnpackedBytes / (1024 * 1024)} MiB, more than an import takes.")));
                }
            }
        }
        return (notebooks, null);
    }

    /// <summary>One notebook's events file, line by line: strict UTF-8, one event a line (blank lines are skipped).</summary>
    public static async Task<(IReadOnlyList<ImportedEvent>? Events, ImportProblem? Problem)> ReadLinesAsync(string file, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var events = new List<ImportedEvent>();
        for (var line = 1; ; line++)
        {
            string? text;
            try
            {
                text = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return (null, new ImportProblem(file, line, "the file is not UTF-8 text (an events export is)."));
            }
            if (text is null) break;
            if (line == 1) text = text.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text.Length > EventLines.MaxLineChars)
                return (null, new ImportProblem(file, line, string.Create(CultureInfo.InvariantCulture, $"the line is {text.Length} characters long; no event of Journal's is longer than {EventLines.MaxLineChars}.")));
            var (e, problem) = EventLines.Read(file, line, text);
            if (problem is not null) return (null, problem);
            events.Add(e!);
        }
        return events.Count == 0 ? (null, new ImportProblem(file, 0, "the file holds no events.")) : (events, null);
    }

    /// <summary>
    /// Replays every notebook through the deciders, then writes the new ones in one transaction of the account's tenant
    /// (unless <paramref name="check"/>: then it answers what an import would do and writes nothing).
    /// <paramref name="progress"/> hears of each notebook checked.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(IDocumentStore store, string tenantId, IReadOnlyList<IReadOnlyList<ImportedEvent>> notebooks,
        IProgress<(int Done, int Total, string Title)>? progress, CancellationToken ct, bool check = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(notebooks);
        var seen = new Dictionary<Guid, string>();
        for (var i = 0; i < notebooks.Count; i++)
        {
            var events = notebooks[i];
            if (NotebookReplay.Check(events) is { } broken) return ImportOutcome.Failed(ImportFailure.Refused, broken);
            var started = (NotebookStarted)events[0].Data;
            if (seen.TryGetValue(started.NotebookId, out var other))
                return ImportOutcome.Failed(ImportFailure.Invalid, new ImportProblem(events[0].File, events[0].Line,
                    $"notebook {started.NotebookId} is also in {other}: each notebook may be imported once."));
            seen[started.NotebookId] = events[0].File;
            progress?.Report((i + 1, notebooks.Count, started.Title));
        }

        // An identity session: a revision imported with its entry finds the entry the same batch is writing.
        await using var session = store.IdentitySession(new SessionOptions { TenantId = tenantId });
        var results = new List<ImportedNotebook>();
        foreach (var events in notebooks)
        {
            var started = (NotebookStarted)events[0].Data;
            if (await session.Events.FetchStreamStateAsync(started.NotebookId, ct) is not null)
            {
                var stored = await session.Events.FetchStreamAsync(started.NotebookId, token: ct);
                if (!Same(stored, events))
                    return ImportOutcome.Failed(ImportFailure.Exists, new ImportProblem(events[0].File, events[0].Line, string.Create(CultureInfo.InvariantCulture,
                        $"this account already has notebook {started.NotebookId} (\"{started.Title}\") with other events ({stored.Count} stored, {events.Count} in the file); nothing was imported.")));
                results.Add(new ImportedNotebook(started.NotebookId, started.Title, events.Count, "unchanged"));
                continue;
            }
            var action = session.Events.StartStream<NotebookProgress>(started.NotebookId, [.. events.Select(e => e.Data)]);
            for (var k = 0; k < events.Count; k++) action.Events[k].Timestamp = events[k].RecordedAt;
            results.Add(new ImportedNotebook(started.NotebookId, started.Title, events.Count, "created"));
        }
        try
        {
            if (!check) await session.SaveChangesAsync(ct);
        }
        catch (ExistingStreamIdCollisionException e)
        {
            var file = notebooks.Select(n => n[0]).FirstOrDefault(n => ((NotebookStarted)n.Data).NotebookId == e.Id as Guid?);
            return ImportOutcome.Failed(ImportFailure.Concurrent, new ImportProblem(file?.File ?? "", file?.Line ?? 0,
                "another request created one of these notebooks while this import ran; nothing was imported. Import again: what is there already is left as it is."));
        }
        var created = results.Count(r => r.Outcome == "created");
        return new ImportOutcome(new ImportResponse(created, results.Count - created, results));
    }

    /// <summary>The stored stream is exactly the file's events: same versions, types, times and facts.</summary>
    private static bool Same(IReadOnlyList<JasperFx.Events.IEvent> stored, IReadOnlyList<ImportedEvent> file) =>
        stored.Count == file.Count && stored.Zip(file).All(p =>
            p.First.Version == p.Second.Version
            && NotebookEvents.Names.TryGetValue(p.First.Data.GetType(), out var name) && name == p.Second.Type
            && EventTimes.Of(p.First) == p.Second.RecordedAt
            && Equals(p.First.Data, p.Second.Data));

    /// <summary>How many bytes a zip may still unpack to.</summary>
    private sealed class UnpackBudget(long bytes)
    {
        public void Spend(int count)
        {
            bytes -= count;
            if (bytes < 0) throw new SpentException();
        }

        public sealed class SpentException : IOException;
    }

    /// <summary>A read-only stream that stops once the zip has unpacked more than its budget (a zip bomb is refused, not unpacked).</summary>
    private sealed class LimitedStream(Stream inner, UnpackBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            budget.Spend(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
