using System.Text.Json.Nodes;
using ConnectOps.Engine.Config;

namespace ConnectOps.Tests;

/// <summary>What the writer emits, the config reader reads back to the same tree (export and migration rely on it).</summary>
public sealed class PsdWriterTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        ConfigMap m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        ConfigList l => new JsonArray(l.Items.Select(ToJson).ToArray()),
        ConfigScalar s => s.Value switch
        {
            null => null,
            string str => JsonValue.Create(str),
            long n => JsonValue.Create(n),
            double d => JsonValue.Create(d),
            bool b => JsonValue.Create(b),
            _ => throw new InvalidOperationException(),
        },
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void EveryValueKindReadsBackUnchanged()
    {
        var tree = JsonNode.Parse("""
            {
              "Region": "eu-west-2",
              "Instance": { "Alias": "it's", "InboundCallsEnabled": true, "ContactLensEnabled": false, "LogRetentionDays": 7, "Tags": {} },
              "Ratio": 1.25,
              "Nothing": null,
              "Queues": [ { "Name": "Sales", "QuickConnects": [ "a b", "c" ], "MaxContacts": 10 }, { "Name": "Empty", "QuickConnects": [] } ],
              "PhoneNumbers": { "main line": { "CountryCode": "GB", "Description": "Quote ’ and ‘ and $dollar and `tick" } },
              "HierarchyStructure": [ "Division", "Team" ],
              "Long": [ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "ccccccccccccccccccccc" ],
              "Nested": [ 1, { "Deep": { "Deeper": [ { "X": -3 } ] } } ]
            }
            """)!.AsObject();

        var text = PsdWriter.Write(tree, ["Exported by a test", "second line"]);
        var read = _fx.Read(text);

        Assert.Empty(read.Errors);
        Assert.True(JsonNode.DeepEquals(tree, ToJson(read.Root!)), ToJson(read.Root!)!.ToJsonString());
        Assert.StartsWith("# Exported by a test\n# second line\n@{\n", text);
        Assert.Contains("'main line' = @{", text);
        Assert.Contains("Day", PsdWriter.Write(new JsonObject { ["Day"] = "MONDAY" }));
    }

    [Fact]
    public void RefusesArraysOfArraysWhichPowerShellWouldFlatten() =>
        Assert.Throws<ArgumentException>(() => PsdWriter.Write(new JsonObject { ["L"] = new JsonArray(new JsonArray(1, 2), 3) }));

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("a’b", "'a’’b'")]
    [InlineData("$env:HOME", "'$env:HOME'")]
    public void QuotesStringsSoNothingExpands(string value, string expected) => Assert.Equal(expected, PsdWriter.Quote(value));

    [Theory]
    [InlineData("Name", "Name")]
    [InlineData("main_line", "main_line")]
    [InlineData("main-line", "'main-line'")]
    [InlineData("1st", "'1st'")]
    public void QuotesKeysThatAreNotPlainNames(string key, string expected) => Assert.Equal(expected, PsdWriter.Key(key));
}
