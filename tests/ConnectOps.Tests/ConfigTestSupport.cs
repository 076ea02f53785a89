using ConnectOps.Engine.Config;
using ConnectOps.Hosting;

namespace ConnectOps.Tests;

/// <summary>Writes .psd1 fixtures to a temp folder and loads them through the real reader and binder.</summary>
public sealed class ConfigFixture : IDisposable
{
    public ConfigFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "connectops-config-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ConfigLoadResult Load(string psd1, string name = "connectops.psd1") => ConfigLoader.Load(Write(name, psd1), new PsdConfigReader());

    public ConfigReadResult Read(string psd1, string name = "connectops.psd1") => new PsdConfigReader().Read(Write(name, psd1));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}

internal static class ConfigSamples
{
    /// <summary>Line 1 is "@{", line 2 the instance; <paramref name="bodyLines"/> start on line 3.</summary>
    public static string WithBody(params string[] bodyLines) =>
        "@{\n" +
        "    Instance = @{ Alias = 'cc'; IdentityManagementType = 'CONNECT_MANAGED'; InboundCallsEnabled = $true; OutboundCallsEnabled = $true }\n" +
        string.Concat(bodyLines.Select(l => l + "\n")) +
        "}\n";

    public const string MainFlow = """
        {
          "Version": "2019-10-30",
          "StartAction": "end",
          "Metadata": {},
          "Actions": [ { "Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {} } ]
        }
        """;

    /// <summary>The example of DESIGN.md §2, verbatim.</summary>
    public const string DesignExample = """
        @{
            Region   = 'eu-west-2'
            State    = @{ Backend = 'Local' }              # or Backend='S3'; Bucket; Key; Region; Encrypt; KmsKeyId; LockTable
            Instance = @{
                Alias = 'my-contact-center'; IdentityManagementType = 'CONNECT_MANAGED'
                InboundCallsEnabled = $true; OutboundCallsEnabled = $true
                ContactFlowLogsEnabled = $true; ContactLensEnabled = $false; AutoResolveBestVoicesEnabled = $true
                EarlyMediaEnabled = $true; MultiPartyConferenceEnabled = $false
                LogRetentionDays = 7; IamPolicyArn = 'arn:aws:iam::aws:policy/AmazonConnect_FullAccess'
                Tags = @{ Environment = 'production' }
            }
            Tags             = @{ ManagedBy = 'connectops' }
            HoursOfOperation = @( @{ Name = 'UK Business Hours'; TimeZone = 'Europe/London'
                                    Config = @( @{ Day = 'MONDAY'; Start = '09:00'; End = '17:00' } ) } )
            Queues           = @( @{ Name = 'CustomerService'; HoursOfOperation = 'UK Business Hours'; MaxContacts = 100
                                    OutboundCallerIdName = 'Customer Service'; OutboundCallerIdNumber = 'main_line'
                                    QuickConnects = @('supervisor') } )
            RoutingProfiles  = @( @{ Name = 'AgentProfile'; DefaultOutboundQueue = 'CustomerService'
                                    MediaConcurrencies = @( @{ Channel = 'VOICE'; Concurrency = 1 } )
                                    QueueConfigs = @( @{ Queue = 'CustomerService'; Channel = 'VOICE'; Priority = 1; Delay = 0 } ) } )
            SecurityProfiles = @( @{ Name = 'AgentProfile'; Permissions = @('BasicAgentAccess', 'OutboundCallAccess') } )
            QuickConnects    = @{ supervisor = @{ Name = 'Supervisor'; Type = 'QUEUE'; Queue = 'CustomerService' } }
            PhoneNumbers     = @{ main_line = @{ CountryCode = 'GB'; Type = 'DID'; Description = 'Main line'; ContactFlow = 'MainFlow' } }
            ContactFlows     = @( @{ Name = 'MainFlow'; Type = 'CONTACT_FLOW'; Path = './flows/main-flow.json' } )
            HierarchyStructure = @('Division', 'Team')                  # level names, top first
            HierarchyGroups  = @( @{ Name = 'Sales' }, @{ Name = 'Inside Sales'; Parent = 'Sales' } )
            Users            = @( @{ Username = 'john.smith'; Email = 'john.smith@example.com'; FirstName = 'John'; LastName = 'Smith'
                                    PhoneType = 'SOFT_PHONE'; RoutingProfile = 'AgentProfile'; SecurityProfiles = @('AgentProfile')
                                    HierarchyGroup = 'Sales' } )
            AdminUser        = @{ Username = 'admin'; Email = 'admin@example.com'; FirstName = 'Admin'; LastName = 'User' }
            LambdaFunctions  = @{ customer_lookup = @{ FunctionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:Lookup' } }
            LexBots          = @( @{ Name = 'CustomerServiceBot'; LexRegion = 'eu-west-2' }            # Lex V1 (classic)
                                  @{ AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/BOTID/ALIASID' } )  # Lex V2
        }
        """;
}
