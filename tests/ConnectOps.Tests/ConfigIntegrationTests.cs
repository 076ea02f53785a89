using ConnectOps.Engine.Config;
using ConnectOps.Engine.Model;

namespace ConnectOps.Tests;

/// <summary>Integrations, state and endpoint settings as written in a .psd1.</summary>
public sealed class ConfigIntegrationTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void LexBotsBindAsV1ByNameAndRegionOrV2ByAliasArn()
    {
        var result = _fx.Load(ConfigSamples.WithBody(
            "    LexBots = @(",
            "        @{ Name = 'OrderBot'; LexRegion = 'us-east-1' }",
            "        @{ AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID' }",
            "        @{ Name = 'Labelled'; AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/B2/A2' }",
            "    )"));

        Assert.Empty(result.Errors);
        Assert.Equal(["LexBots/OrderBot", "LexBots/arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID", "LexBots/Labelled"],
            result.Config!.LexBots.Select(b => b.Address.ToString()));
    }

    [Theory]
    [InlineData("@{ Name = 'OrderBot' }", ConfigErrorCodes.MissingValue)]
    [InlineData("@{ AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot/BOTID' }", ConfigErrorCodes.InvalidValue)]
    [InlineData("@{ AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/B/A'; LexRegion = 'eu-west-2' }", ConfigErrorCodes.Conflict)]
    public void InvalidLexBotsAreRefused(string bot, string code)
    {
        var result = _fx.Load(ConfigSamples.WithBody($"    LexBots = @( {bot} )"));

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void LambdaFunctionsNeedAFunctionArn()
    {
        var result = _fx.Load(ConfigSamples.WithBody("    LambdaFunctions = @{ lookup = @{ FunctionArn = 'arn:aws:lambda:eu-west-2:123456789012:layer:x' } }"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ConfigErrorCodes.InvalidValue, "LambdaFunctions.lookup.FunctionArn"), (error.Code, error.KeyPath));
    }

    [Fact]
    public void S3StateAndEndpointsBind()
    {
        var result = _fx.Load(ConfigSamples.WithBody(
            "    State = @{ Backend = 'S3'; Bucket = 'team-state'; Key = 'prod/connect.json'; Region = 'eu-west-1'; Encrypt = $false; LockTable = 'locks'; Endpoint = 'http://127.0.0.1:5000' }",
            "    Endpoints = @{ Connect = 'http://127.0.0.1:4599'; Sts = 'http://127.0.0.1:4599' }"));

        Assert.Empty(result.Errors);
        Assert.Equal(new StateSettings(StateBackend.S3, null, "team-state", "prod/connect.json", "eu-west-1", false, null, "locks", "http://127.0.0.1:5000"), result.Config!.State);
        Assert.Equal(("http://127.0.0.1:4599", (string?)null), (result.Config.Endpoints.Connect, result.Config.Endpoints.S3));
    }

    [Fact]
    public void S3StateWithoutABucketAndBadEndpointsAreReportedTogether()
    {
        var result = _fx.Load(ConfigSamples.WithBody(
            "    State = @{ Backend = 'S3' }",
            "    Endpoints = @{ Connect = 'localhost:4599'; Lambda = 'http://x' }"));

        Assert.Equal([ConfigErrorCodes.MissingValue, ConfigErrorCodes.InvalidValue, ConfigErrorCodes.UnknownKey], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void ALocalStatePathIsResolvedAgainstTheConfigFolder()
    {
        var result = _fx.Load(ConfigSamples.WithBody("    State = @{ Backend = 'Local'; Path = 'state/prod.json' }"));

        Assert.Equal(Path.Combine(_fx.Directory, "state", "prod.json"), result.Config!.State.Path);
    }

    [Fact]
    public void TheConfigHashIgnoresCommentsAndLayoutButNotValuesOrFlowFiles()
    {
        _fx.Write("flows/main-flow.json", ConfigSamples.MainFlow);
        var a = _fx.Load(ConfigSamples.DesignExample, "a.psd1").Config!.ConfigHash;
        var b = _fx.Load("# a comment\n" + ConfigSamples.DesignExample.Replace("MaxContacts = 100", "MaxContacts    =    100"), "b.psd1").Config!.ConfigHash;
        var c = _fx.Load(ConfigSamples.DesignExample.Replace("MaxContacts = 100", "MaxContacts = 101"), "c.psd1").Config!.ConfigHash;
        _fx.Write("flows/main-flow.json", ConfigSamples.MainFlow.Replace("end", "stop"));
        var d = _fx.Load(ConfigSamples.DesignExample, "d.psd1").Config!.ConfigHash;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }
}
