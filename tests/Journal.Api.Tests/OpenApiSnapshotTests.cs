using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Journal.Api.Tests;

/// <summary>
/// The Kiota client (Client/) is generated from openapi.json beside this file; the document the service serves must
/// be that snapshot, so the client always speaks the current API. .ci/run regenerates the client from the snapshot
/// and fails if it differs from what is committed.
/// </summary>
public sealed class OpenApiSnapshotTests(SharedApi api)
{
    public static string Snapshot => Path.Combine(Path.GetDirectoryName(NodeTools.Folder)!, "openapi.json");

    [Fact]
    public async Task The_served_document_is_the_committed_snapshot()
    {
        var ct = TestContext.Current.CancellationToken;
        var served = JsonNode.Parse(await api.Host.OpenApiAsync(ct))!;
        // The servers name wherever this app happens to listen: the snapshot names a stable address instead.
        served["servers"] = new JsonArray(new JsonObject { ["url"] = "http://localhost:8080" });

        if (Environment.GetEnvironmentVariable("JOURNAL_ACCEPT_API") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            await File.WriteAllTextAsync(Snapshot, served.ToJsonString(options) + "\n", ct);
        }
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Snapshot, ct));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "The served OpenAPI document differs from tests/Journal.Api.Tests/openapi.json: run tests/Journal.Api.Tests/update-client.sh " +
            "to accept it and regenerate the Kiota client, then review and commit both.");
    }
}
