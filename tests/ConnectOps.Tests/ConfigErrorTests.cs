using ConnectOps.Engine.Config;

namespace ConnectOps.Tests;

/// <summary>
/// Each kind of config error, read from a real .psd1: the code, the exact line and column, and a message
/// that says what to do. Bodies start on line 3 (ConfigSamples.WithBody).
/// </summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    /// <summary>Loads a config whose body is <paramref name="lines"/> and returns its only error.</summary>
    private ConfigError OnlyError(params string[] lines)
    {
        var result = _fx.Load(ConfigSamples.WithBody(lines));
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    /// <summary>Asserts the error is at body line <paramref name="bodyLine"/> (0-based), at the column where <paramref name="at"/> starts.</summary>
    private static void AssertAt(ConfigError error, string[] lines, int bodyLine, string at, int occurrence = 0)
    {
        var column = -1;
        for (var i = 0; i <= occurrence; i++) column = lines[bodyLine].IndexOf(at, column + 1, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{at}' not in the fixture line");
        Assert.Equal(Path.Combine(_fxDir(error), "connectops.psd1"), error.Position!.Value.File);
        Assert.Equal((bodyLine + 3, column + 1), (error.Position.Value.Line, error.Position.Value.Column));
    }

    private static string _fxDir(ConfigError error) => Path.GetDirectoryName(error.Position!.Value.File)!;

    [Fact]
    public void UnknownKeySuggestsTheNearestValidKey()
    {
        string[] lines = ["    Regoin = 'eu-west-2'"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.UnknownKey, error.Code);
        AssertAt(error, lines, 0, "Regoin");
        Assert.Contains("Did you mean 'Region'?", error.Message);
        Assert.Equal("Regoin", error.KeyPath);
    }

    [Fact]
    public void UnknownKeyInsideAResourceNamesItsPath()
    {
        string[] lines = ["    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours'; MaxContact = 5 } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.UnknownKey, error.Code);
        AssertAt(error, lines, 0, "MaxContact");
        Assert.Equal("Queues[0].MaxContact", error.KeyPath);
        Assert.Contains("Did you mean 'MaxContacts'?", error.Message);
    }

    [Fact]
    public void WrongTypeSaysWhatTypeIsExpected()
    {
        string[] lines = ["    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours'; MaxContacts = '100' } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.WrongType, error.Code);
        AssertAt(error, lines, 0, "'100'");
        Assert.Contains("whole number", error.Message);
        Assert.Contains("Remove the quotes: MaxContacts = 100", error.Message);
    }

    [Fact]
    public void AQuotedBooleanIsAWrongTypeWithTheFix()
    {
        var error = _fx.Load("@{\n    Instance = @{ Alias = 'cc'; IdentityManagementType = 'SAML'; InboundCallsEnabled = 'true'; OutboundCallsEnabled = $true }\n}\n").Errors.Single();

        Assert.Equal((ConfigErrorCodes.WrongType, 2, 88), (error.Code, error.Position!.Value.Line, error.Position.Value.Column));
        Assert.Contains("InboundCallsEnabled = $true", error.Message);
    }

    [Fact]
    public void MissingRequiredValueIsReportedAtTheHashtable()
    {
        string[] lines = ["    Queues = @(", "        @{ Name = 'Sales' }", "    )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.MissingValue, error.Code);
        AssertAt(error, lines, 1, "@{");
        Assert.Equal("Queues[0].HoursOfOperation", error.KeyPath);
        Assert.Contains("HoursOfOperation = ", error.Message);
    }

    [Fact]
    public void MissingInstanceIsReported()
    {
        var error = Assert.Single(_fx.Load("@{ Region = 'eu-west-2' }\n").Errors);

        Assert.Equal((ConfigErrorCodes.MissingValue, "Instance"), (error.Code, error.KeyPath));
    }

    [Fact]
    public void InvalidEnumListsTheValidValues()
    {
        string[] lines = ["    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours'; Status = 'ACTIVE' } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.InvalidEnum, error.Code);
        AssertAt(error, lines, 0, "'ACTIVE'");
        Assert.Contains("Valid values: ENABLED, DISABLED.", error.Message);
    }

    [Fact]
    public void InvalidEnumSuggestsTheNearestValue()
    {
        string[] lines = ["    Users = @( @{ Username = 'a'; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = @('Agent'); PhoneType = 'SOFTPHONE' } )"];

        var error = OnlyError(lines);

        AssertAt(error, lines, 0, "'SOFTPHONE'");
        Assert.Contains("Did you mean 'SOFT_PHONE'?", error.Message);
    }

    [Fact]
    public void DuplicateNamesAreCaseInsensitive()
    {
        string[] lines =
        [
            "    Queues = @(",
            "        @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours' }",
            "        @{ Name = 'SALES'; HoursOfOperation = 'Basic Hours' }",
            "    )",
        ];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.DuplicateName, error.Code);
        AssertAt(error, lines, 2, "'SALES'");
        Assert.Contains("first at line 4", error.Message);
    }

    [Fact]
    public void ADanglingReferenceSuggestsTheDeclaredName()
    {
        string[] lines =
        [
            "    HoursOfOperation = @( @{ Name = 'Night Hours'; TimeZone = 'UTC'; Config = @() } )",
            "    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Nite Hours' } )",
        ];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.DanglingReference, error.Code);
        AssertAt(error, lines, 1, "'Nite Hours'");
        Assert.Contains("Did you mean 'Night Hours'?", error.Message);
    }

    [Fact]
    public void AUserNamingAMissingRoutingProfileIsADanglingReference()
    {
        string[] lines = ["    Users = @( @{ Username = 'a'; RoutingProfile = 'Sales Agents'; SecurityProfiles = @('Agent') } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.DanglingReference, error.Code);
        AssertAt(error, lines, 0, "'Sales Agents'");
        Assert.Contains("routing profile", error.Message);
    }

    [Fact]
    public void BuiltInResourcesAreValidReferencesWithoutDeclaration()
    {
        var result = _fx.Load(ConfigSamples.WithBody(
            "    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours'; OutboundFlow = 'Default outbound' } )",
            "    RoutingProfiles = @( @{ Name = 'R'; DefaultOutboundQueue = 'BasicQueue'; MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 } ) } )",
            "    Users = @( @{ Username = 'a'; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = @('Admin', 'Agent', 'CallCenterManager', 'QualityAnalyst') } )"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void AReferenceToAFlowOfTheWrongTypeIsRefused()
    {
        string[] lines = ["    Queues = @( @{ Name = 'Sales'; HoursOfOperation = 'Basic Hours'; OutboundFlow = 'Default customer queue' } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.InvalidValue, error.Code);
        AssertAt(error, lines, 0, "'Default customer queue'");
        Assert.Contains("needs a OUTBOUND_WHISPER flow", error.Message);
    }

    [Theory]
    [InlineData("Start = '25:00'; End = '17:00'", "'25:00'", "not a time of day")]
    [InlineData("Start = '9am'; End = '17:00'", "'9am'", "HH:mm")]
    [InlineData("Start = '17:00'; End = '09:00'", "'17:00'", "is not before End")]
    public void InvalidTimesAreReportedAtTheTime(string slot, string at, string expected)
    {
        string[] lines = [$"    HoursOfOperation = @( @{{ Name = 'H'; TimeZone = 'UTC'; Config = @( @{{ Day = 'MONDAY'; {slot} }} ) }} )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.InvalidTime, error.Code);
        AssertAt(error, lines, 0, at);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MidnightEndAndFullDaysAreValidButOverlapsAreNot()
    {
        var ok = _fx.Load(ConfigSamples.WithBody(
            "    HoursOfOperation = @( @{ Name = 'H'; TimeZone = 'UTC'; Config = @( @{ Day = 'MONDAY'; Start = '00:00'; End = '00:00' }, @{ Day = 'TUESDAY'; Start = '18:00'; End = '24:00' } ) } )"));
        string[] lines = ["    HoursOfOperation = @( @{ Name = 'H'; TimeZone = 'UTC'; Config = @( @{ Day = 'MONDAY'; Start = '09:00'; End = '12:00' }, @{ Day = 'MONDAY'; Start = '11:00'; End = '13:00' } ) } )"];

        Assert.Empty(ok.Errors);
        var error = OnlyError(lines);
        Assert.Equal(ConfigErrorCodes.InvalidTime, error.Code);
        AssertAt(error, lines, 0, "@{ Day", occurrence: 1);
        Assert.Contains("overlaps", error.Message);
    }

    [Fact]
    public void UnknownTimeZoneSuggestsTheNearestIanaName()
    {
        string[] lines = ["    HoursOfOperation = @( @{ Name = 'H'; TimeZone = 'Europe/Londn'; Config = @() } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.UnknownTimeZone, error.Code);
        AssertAt(error, lines, 0, "'Europe/Londn'");
        Assert.Contains("Did you mean 'Europe/London'?", error.Message);
    }

    [Fact]
    public void TimeZonesAreMatchedCaseInsensitivelyAndCanonicalised()
    {
        var result = _fx.Load(ConfigSamples.WithBody("    HoursOfOperation = @( @{ Name = 'H'; TimeZone = 'america/new_york'; Config = @() } )"));

        Assert.Equal("America/New_York", Assert.Single(result.Config!.HoursOfOperation).TimeZone);
    }

    [Fact]
    public void NamesLongerThanConnectAllowsAreRefused()
    {
        var name = new string('x', 128);
        string[] lines = [$"    Queues = @( @{{ Name = '{name}'; HoursOfOperation = 'Basic Hours' }} )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.TooLong, error.Code);
        AssertAt(error, lines, 0, $"'{name}'");
        Assert.Contains("at most 127", error.Message);
    }

    [Fact]
    public void AUserWithMoreThanTenSecurityProfilesIsRefused()
    {
        var profiles = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"'P{i}'"));
        var declared = string.Join(", ", Enumerable.Range(1, 11).Select(i => $"@{{ Name = 'P{i}' }}"));
        string[] lines =
        [
            $"    SecurityProfiles = @( {declared} )",
            $"    Users = @( @{{ Username = 'a'; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = @({profiles}) }} )",
        ];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.TooMany, error.Code);
        AssertAt(error, lines, 1, "@('P1'");
        Assert.Contains("at most 10", error.Message);
    }

    [Fact]
    public void AUserNeedsAtLeastOneSecurityProfile()
    {
        string[] lines = ["    Users = @( @{ Username = 'a'; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = @() } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.MissingValue, error.Code);
        AssertAt(error, lines, 0, "@()");
    }

    [Theory]
    [InlineData("Concurrency = 11", "MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 11 } )", "11 }", "between 1 and 10")]
    [InlineData("Priority = 100", "MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 } ); QueueConfigs = @( @{ Queue = 'BasicQueue'; Channel = 'VOICE'; Priority = 100 } )", "100", "between 1 and 99")]
    [InlineData("Delay = 10000", "MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 } ); QueueConfigs = @( @{ Queue = 'BasicQueue'; Channel = 'VOICE'; Priority = 1; Delay = 10000 } )", "10000", "between 0 and 9999")]
    [InlineData("Delay = -1", "MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 } ); QueueConfigs = @( @{ Queue = 'BasicQueue'; Channel = 'VOICE'; Priority = 1; Delay = -1 } )", "-1", "between 0 and 9999")]
    public void RoutingProfileLimitsComeFromTheConnectModel(string _, string settings, string at, string expected)
    {
        string[] lines = [$"    RoutingProfiles = @( @{{ Name = 'R'; DefaultOutboundQueue = 'BasicQueue'; {settings} }} )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.OutOfRange, error.Code);
        AssertAt(error, lines, 0, at);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void PasswordsInTheConfigAreRefusedWithTheAlternative()
    {
        string[] lines = ["    Users = @( @{ Username = 'a'; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = @('Agent'); Password = 'Hunter2!' } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.SecretInConfig, error.Code);
        AssertAt(error, lines, 0, "Password");
        Assert.Contains("PasswordSecret", error.Message);
        Assert.DoesNotContain("Hunter2", error.Message);
    }

    [Fact]
    public void LogRetentionMustBeACloudWatchValue()
    {
        var error = Assert.Single(_fx.Load("@{\n    Instance = @{ Id = '0b7e2d4c-1111-4222-8333-944455556666'; LogRetentionDays = 8 }\n}\n").Errors);

        Assert.Equal((ConfigErrorCodes.InvalidValue, 2, 83), (error.Code, error.Position!.Value.Line, error.Position.Value.Column));
        Assert.Contains("1, 3, 5, 7, 14", error.Message);
    }

    [Fact]
    public void S3OnlySettingsWithALocalBackendConflict()
    {
        string[] lines = ["    State = @{ Backend = 'Local'; Bucket = 'my-bucket' }"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.Conflict, error.Code);
        AssertAt(error, lines, 0, "'my-bucket'");
    }

    [Fact]
    public void HierarchyGroupsDeeperThanTheStructureAreRefused()
    {
        string[] lines =
        [
            "    HierarchyStructure = @('Division')",
            "    HierarchyGroups = @( @{ Name = 'Sales' }, @{ Name = 'Inside'; Parent = 'Sales' } )",
        ];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.OutOfRange, error.Code);
        AssertAt(error, lines, 1, "@{ Name = 'Inside'");
    }

    [Fact]
    public void HierarchyParentCyclesAreRefused()
    {
        var result = _fx.Load(ConfigSamples.WithBody(
            "    HierarchyStructure = @('A', 'B', 'C')",
            "    HierarchyGroups = @( @{ Name = 'X'; Parent = 'Y' }, @{ Name = 'Y'; Parent = 'X' } )"));

        Assert.All(result.Errors, e => Assert.Equal(ConfigErrorCodes.Cycle, e.Code));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void AQuickConnectOfTypeQueueNeedsAQueueAndRefusesAPhoneNumber()
    {
        string[] lines = ["    QuickConnects = @{ sup = @{ Name = 'Sup'; Type = 'QUEUE'; Queue = 'BasicQueue'; PhoneNumber = '+441234567890' } }"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.Conflict, error.Code);
        AssertAt(error, lines, 0, "'+441234567890'");
    }

    [Fact]
    public void AMissingFlowFileIsReportedAtItsPath()
    {
        string[] lines = ["    ContactFlows = @( @{ Name = 'F'; Type = 'CONTACT_FLOW'; Path = './flows/missing.json' } )"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.FlowFile, error.Code);
        AssertAt(error, lines, 0, "'./flows/missing.json'");
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void InvalidFlowJsonPointsAtTheFlowFileLine()
    {
        var flow = _fx.Write("flows/bad.json", "{\n  \"Version\": \"2019-10-30\",\n  \"Actions\": [ oops ]\n}\n");

        var error = OnlyError("    ContactFlows = @( @{ Name = 'F'; Type = 'CONTACT_FLOW'; Path = './flows/bad.json' } )");

        Assert.Equal(ConfigErrorCodes.FlowFile, error.Code);
        Assert.Equal((flow, 3), (error.Position!.Value.File, error.Position.Value.Line));
    }

    [Fact]
    public void AnUnresolvedFlowPlaceholderPointsAtTheFlowFileLineAndColumn()
    {
        var flow = _fx.Write("flows/f.json",
            "{\n  \"Version\": \"2019-10-30\", \"StartAction\": \"a\",\n  \"Actions\": [ { \"Identifier\": \"a\", \"Type\": \"TransferContactToQueue\",\n    \"Parameters\": { \"QueueId\": \"${Queues/Missing}\" }, \"Transitions\": {} } ]\n}\n");

        var error = OnlyError("    ContactFlows = @( @{ Name = 'F'; Type = 'CONTACT_FLOW'; Path = './flows/f.json' } )");

        Assert.Equal(ConfigErrorCodes.UnresolvedPlaceholder, error.Code);
        Assert.Equal(new SourcePosition(flow, 4, 33), error.Position);
        Assert.Contains("${Queues/Missing}", error.Message);
    }

    [Fact]
    public void AllowDestroyTakesComponentNames()
    {
        string[] lines = ["    AllowDestroy = @('PhoneNumbers', 'Instanse')"];

        var error = OnlyError(lines);

        Assert.Equal(ConfigErrorCodes.InvalidEnum, error.Code);
        AssertAt(error, lines, 0, "'Instanse'");
        Assert.Contains("Did you mean 'Instance'?", error.Message);
    }

    [Fact]
    public void EveryErrorIsReportedAtOnceInFileOrder()
    {
        string[] lines =
        [
            "    Regoin = 'eu-west-2'",
            "    HoursOfOperation = @( @{ Name = 'H'; TimeZone = 'Mars/Olympus'; Config = @( @{ Day = 'MONDAY'; Start = '25:00'; End = '26:00' } ) } )",
            "    Queues = @(",
            "        @{ Name = 'Sales'; HoursOfOperation = 'Nope'; MaxContacts = 'lots' }",
            "        @{ Name = 'sales'; HoursOfOperation = 'H'; Status = 'ON' }",
            "    )",
            "    Users = @( @{ Username = 'a'; RoutingProfile = 'Missing'; SecurityProfiles = @('Agent'); Password = 'x' } )",
        ];

        var result = _fx.Load(ConfigSamples.WithBody(lines));

        Assert.Null(result.Config);
        Assert.Equal(
            [
                ConfigErrorCodes.UnknownKey, ConfigErrorCodes.UnknownTimeZone, ConfigErrorCodes.InvalidTime, ConfigErrorCodes.InvalidTime,
                ConfigErrorCodes.DanglingReference, ConfigErrorCodes.WrongType, ConfigErrorCodes.DuplicateName, ConfigErrorCodes.InvalidEnum,
                ConfigErrorCodes.DanglingReference, ConfigErrorCodes.SecretInConfig,
            ],
            result.Errors.Select(e => e.Code));
        Assert.Equal([3, 4, 4, 4, 6, 6, 7, 7, 9, 9], result.Errors.Select(e => e.Position!.Value.Line));
    }
}
