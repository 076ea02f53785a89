using ConnectOps.Engine.Config;
using ConnectOps.Hosting;

namespace ConnectOps.Tests;

/// <summary>The .psd1 reader: allow-listed syntax becomes the tree; anything else is an error at its position.</summary>
public sealed class ConfigReaderTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static ConfigError Single(ConfigReadResult result, string code)
    {
        Assert.Null(result.Root);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        return error;
    }

    [Fact]
    public void ReadsEveryAllowedValueKind()
    {
        var result = _fx.Read("""
            @{
                S = 'single'; D = "double `t tab"; N = 42; Neg = -7; F = 1.5; Big = 1kb
                T = $true; F2 = $FALSE; Nil = $null
                L = @('a', 'b'); C = 'x', 'y'; E = @(); One = @('only')
                Lines = @(
                    @{ A = 1 }
                    @{ A = 2 }
                )
                Nested = @( @(1, 2) ); Paren = (1, 2)
                'quoted key' = 'v'
                H = @'
            here
            '@
            }
            """);

        Assert.Empty(result.Errors);
        var map = Assert.IsType<ConfigMap>(result.Root);
        object? V(string key) => ((ConfigScalar)map[key]!).Value;
        Assert.Equal("single", V("S"));
        Assert.Equal("double \t tab", V("D"));
        Assert.Equal(42L, V("N"));
        Assert.Equal(-7L, V("Neg"));
        Assert.Equal(1.5, V("F"));
        Assert.Equal(1024L, V("Big"));
        Assert.Equal(true, V("T"));
        Assert.Equal(false, V("F2"));
        Assert.Null(V("Nil"));
        Assert.Equal(2, ((ConfigList)map["L"]!).Items.Count);
        Assert.Equal(2, ((ConfigList)map["C"]!).Items.Count);
        Assert.Empty(((ConfigList)map["E"]!).Items);
        Assert.Single(((ConfigList)map["One"]!).Items);
        Assert.Equal(2, ((ConfigList)map["Lines"]!).Items.Count);
        Assert.Equal(2, ((ConfigList)map["Nested"]!).Items.Count);
        Assert.Equal(2, ((ConfigList)map["Paren"]!).Items.Count);
        Assert.Equal("v", V("quoted key"));
        Assert.Equal("here", V("H"));
    }

    [Fact]
    public void KeepsFileLineAndColumnOfKeysAndValues()
    {
        var path = _fx.Write("c.psd1", "@{\n  Queues = @(\n    @{ Name = 'Sales' }\n  )\n}\n");

        var map = (ConfigMap)new PsdConfigReader().Read(path).Root!;

        Assert.True(map.TryGetEntry("queues", out var entry));
        Assert.Equal(new SourcePosition(path, 2, 3), entry.KeyPosition);
        var queue = (ConfigMap)((ConfigList)entry.Value).Items[0];
        Assert.Equal(new SourcePosition(path, 3, 5), queue.Position);
        Assert.Equal(new SourcePosition(path, 3, 15), queue["Name"]!.Position);
    }

    [Fact]
    public void ReportsParserErrorsWithTheirPositions()
    {
        var result = _fx.Read("@{\n    Region = 'eu-west-2' 'extra'\n}\n");

        Assert.Null(result.Root);
        Assert.All(result.Errors, e => Assert.Equal(ConfigErrorCodes.ParseError, e.Code));
        var error = result.Errors[0]; // the parser's first error; the rest cascade from it

        Assert.Equal((2, 26), (error.Position!.Value.Line, error.Position.Value.Column));
        Assert.Contains("Unexpected token", error.Message);
    }

    [Theory]
    [InlineData("Region = $env:REGION", 14, "variable '$env:REGION'")]
    [InlineData("Region = $region", 14, "Only $true, $false and $null")]
    [InlineData("Region = Get-Region", 14, "command 'Get-Region'")]
    [InlineData("Region = eu-west-2", 14, "quote it: 'eu-west-2'")]
    [InlineData("Region = \"eu-$(1)\"", 18, "is not allowed")]
    [InlineData("Region = \"eu-$x\"", 18, "escape the dollar")]
    [InlineData("Region = 'x'.ToUpper()", 14, "method call")]
    [InlineData("Region = { 'x' }", 14, "script block")]
    [InlineData("Region = 1 + 2", 14, "operator")]
    [InlineData("Region = [string]1", 14, "type conversion")]
    [InlineData("Region = 'a' | Out-String", 14, "pipeline")]
    [InlineData("Region = @{ A = (Get-Date) }", 22, "command 'Get-Date'")]
    public void RefusesAnythingThatWouldRunAtItsPosition(string line, int column, string expected)
    {
        var error = Single(_fx.Read($"@{{\n    {line}\n}}\n"), ConfigErrorCodes.NotAllowed);

        Assert.Equal((2, column), (error.Position!.Value.Line, error.Position.Value.Column));
        Assert.Contains(expected, error.Message);
        Assert.Contains("read, never run", error.Message);
    }

    [Fact]
    public void ReportsEveryRefusedExpressionAtOnce()
    {
        var result = _fx.Read("@{\n    A = $x\n    B = Get-Date\n    C = @( 1, $y )\n}\n");

        Assert.Equal([(2, 9), (3, 9), (4, 15)], result.Errors.Select(e => (e.Position!.Value.Line, e.Position.Value.Column)));
    }

    [Fact]
    public void ReportsDuplicateKeysAtTheSecondKey()
    {
        var result = _fx.Read("@{\n    Region = 'a'\n    region = 'b'\n}\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Position!.Value.Line);
        Assert.Contains("region", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnEmptyFileSaysWhatItMustContain()
    {
        var error = Single(_fx.Read("# nothing here\n"), ConfigErrorCodes.NotAHashtable);

        Assert.Equal(1, error.Position!.Value.Line);
        Assert.Contains("one hashtable", error.Message);
    }

    [Fact]
    public void TheDocumentMustBeOneHashtable()
    {
        Assert.Equal(ConfigErrorCodes.NotAHashtable, Assert.Single(_fx.Read("@('a')\n").Errors).Code);
        var second = Assert.Single(_fx.Read("@{ A = 1 }\n@{ B = 2 }\n").Errors);
        Assert.Equal((ConfigErrorCodes.NotAHashtable, 2), (second.Code, second.Position!.Value.Line));
        Assert.Equal(ConfigErrorCodes.NotAllowed, Assert.Single(_fx.Read("param($x)\n@{ A = 1 }\n").Errors).Code);
    }

    [Fact]
    public void RefusesRunawayNesting()
    {
        var deep = string.Concat(Enumerable.Repeat("@(", 100)) + "1" + string.Concat(Enumerable.Repeat(")", 100));

        var result = _fx.Read($"@{{ A = {deep} }}\n");

        Assert.Contains(result.Errors, e => e.Message.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFileIsAClearError()
    {
        var result = new PsdConfigReader().Read(Path.Combine(_fx.Directory, "nope.psd1"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ConfigErrorCodes.FileNotFound, error.Code);
        Assert.Contains("nope.psd1", error.Message);
    }
}
