using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Journal.Contracts;
using Microsoft.OpenApi;

namespace Journal.Http.OpenApi;

/// <summary>
/// An example for every request body, written as the contract records themselves (so they cannot drift from the
/// types) and serialized as the API reads them. Redocly checks each against its schema.
/// </summary>
internal static class ApiExamples
{
    private static readonly JsonSerializerOptions Json = new(JsonDefaults.Http) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly DateOnly Started = new(2026, 4, 27);

    public static readonly IReadOnlyDictionary<string, object> Bodies = new Dictionary<string, object>(StringComparer.Ordinal)
    {
        [nameof(StartNotebook)] = new StartNotebook("Learning Rust", new Plan(10, 14, 60),
            Spark: "A friend's borrow-checker war stories over dinner.", StartDate: Started, TimeZone: "Europe/Berlin",
            DayStartsAt: new TimeOnly(4, 0)),
        [nameof(LogDay)] = new LogDay("Ownership and borrowing", Started.AddDays(1),
            Summary: "Moves, borrows and why the compiler stopped me twice.",
            Entry: "Read chapter 4 of the book.\n\n- `String` moves; `&str` borrows\n- one mutable borrow *or* many shared ones",
            Minutes: 70),
        [nameof(ReviseDay)] = new ReviseDay("Ownership, borrowing and slices", Summary: "Moves, borrows and slices.", Minutes: 80),
        [nameof(SkipDay)] = new SkipDay(Started.AddDays(3), "A friend's wedding"),
        [nameof(ChangePlan)] = new ChangePlan(12, 16, 60),
        [nameof(ChangeTimeZone)] = new ChangeTimeZone("America/New_York", new TimeOnly(5, 0)),
        [nameof(AbandonNotebook)] = new AbandonNotebook("Switching to Go for work."),
        [nameof(ResumeNotebook)] = new ResumeNotebook(),
        [nameof(RegisterAccount)] = new RegisterAccount("ada@example.com", "a long passphrase of your own", "Ada"),
        [nameof(CreateToken)] = new CreateToken("laptop", ["notebooks:read", "notebooks:write"]),
        [nameof(ChangePassword)] = new ChangePassword("a long passphrase of your own", "an even longer passphrase of your own"),
    };

    /// <summary>Puts the example of its schema on the operation's JSON request body.</summary>
    public static void Describe(OpenApiOperation operation)
    {
        if (operation.RequestBody?.Content is not { } content || !content.TryGetValue("application/json", out var json)) return;
        if (json.Schema is OpenApiSchemaReference { Reference.Id: { } id } && Bodies.TryGetValue(id, out var example))
            json.Example = JsonSerializer.SerializeToNode(example, example.GetType(), Json);
    }
}
