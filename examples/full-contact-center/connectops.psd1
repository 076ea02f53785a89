# The Terraform module's full example as one ConnectOps config: an instance with every feature on, business and
# extended hours, three queues, routing and security profiles, quick connects of each type, a two-level agent
# hierarchy, agents, supervisors and an admin, a DID and a toll-free number, an IVR that checks the hours and
# routes to a queue (flows in ./flows use placeholders, not ARNs), a Lambda lookup and Lex V1 and V2 bots.
#
# Passwords never go in the file: every agent's first password comes from the Secrets Manager secret named
# in PasswordSecret (create it first: aws secretsmanager create-secret --name connectops/full-example/agent-password ...).
#
#   Invoke-ConnectPlan  -ConfigPath ./connectops.psd1
#   Invoke-ConnectApply -ConfigPath ./connectops.psd1
@{
    Region = 'eu-west-2'
    State  = @{ Backend = 'Local' }

    Instance = @{
        Alias                        = 'connectops-full-example'
        IdentityManagementType       = 'CONNECT_MANAGED'
        InboundCallsEnabled          = $true
        OutboundCallsEnabled         = $true
        ContactFlowLogsEnabled       = $true
        ContactLensEnabled           = $true
        AutoResolveBestVoicesEnabled = $true
        EarlyMediaEnabled            = $true
        MultiPartyConferenceEnabled  = $true
        LogRetentionDays             = 30
        IamPolicyArn                 = 'arn:aws:iam::aws:policy/AmazonConnect_FullAccess'
        Tags                         = @{ Environment = 'production' }
    }

    Tags = @{ ManagedBy = 'connectops'; Project = 'full-contact-center' }

    HoursOfOperation = @(
        @{
            Name        = 'Business Hours'
            Description = 'Monday to Friday, 9 to 5'
            TimeZone    = 'Europe/London'
            Config      = @(
                @{ Day = 'MONDAY';    Start = '09:00'; End = '17:00' }
                @{ Day = 'TUESDAY';   Start = '09:00'; End = '17:00' }
                @{ Day = 'WEDNESDAY'; Start = '09:00'; End = '17:00' }
                @{ Day = 'THURSDAY';  Start = '09:00'; End = '17:00' }
                @{ Day = 'FRIDAY';    Start = '09:00'; End = '17:00' }
            )
        }
        @{
            Name        = 'Extended Hours'
            Description = 'Monday to Saturday, 8 to 8'
            TimeZone    = 'Europe/London'
            Config      = @(
                @{ Day = 'MONDAY';    Start = '08:00'; End = '20:00' }
                @{ Day = 'TUESDAY';   Start = '08:00'; End = '20:00' }
                @{ Day = 'WEDNESDAY'; Start = '08:00'; End = '20:00' }
                @{ Day = 'THURSDAY';  Start = '08:00'; End = '20:00' }
                @{ Day = 'FRIDAY';    Start = '08:00'; End = '20:00' }
                @{ Day = 'SATURDAY';  Start = '08:00'; End = '20:00' }
            )
        }
    )

    Queues = @(
        @{
            Name                   = 'Sales'
            Description            = 'New business'
            HoursOfOperation       = 'Business Hours'
            MaxContacts            = 50
            OutboundCallerIdName   = 'Acme Sales'
            OutboundCallerIdNumber = 'main_line'
            QuickConnects          = @('escalate', 'team_lead', 'helpdesk')
        }
        @{
            Name                   = 'Support'
            Description            = 'Existing customers'
            HoursOfOperation       = 'Extended Hours'
            MaxContacts            = 100
            OutboundCallerIdName   = 'Acme Support'
            OutboundCallerIdNumber = 'main_line'
            QuickConnects          = @('escalate', 'team_lead')
        }
        @{
            Name             = 'Escalations'
            Description      = 'Supervisor queue'
            HoursOfOperation = 'Extended Hours'
            MaxContacts      = 10
            Tags             = @{ Priority = 'high' }
        }
    )

    RoutingProfiles = @(
        @{
            Name                 = 'Sales Agents'
            Description          = 'Voice and chat for the sales team'
            DefaultOutboundQueue = 'Sales'
            MediaConcurrencies   = @(
                @{ Channel = 'VOICE'; Concurrency = 1 }
                @{ Channel = 'CHAT';  Concurrency = 2 }
            )
            QueueConfigs         = @(
                @{ Queue = 'Sales'; Channel = 'VOICE'; Priority = 1; Delay = 0 }
                @{ Queue = 'Sales'; Channel = 'CHAT';  Priority = 1; Delay = 0 }
            )
        }
        @{
            Name                 = 'Support Agents'
            Description          = 'Voice, chat and tasks for support'
            DefaultOutboundQueue = 'Support'
            MediaConcurrencies   = @(
                @{ Channel = 'VOICE'; Concurrency = 1 }
                @{ Channel = 'CHAT';  Concurrency = 3 }
                @{ Channel = 'TASK';  Concurrency = 5 }
            )
            QueueConfigs         = @(
                @{ Queue = 'Support'; Channel = 'VOICE'; Priority = 1; Delay = 0 }
                @{ Queue = 'Support'; Channel = 'CHAT';  Priority = 1; Delay = 0 }
                @{ Queue = 'Support'; Channel = 'TASK';  Priority = 2; Delay = 0 }
                @{ Queue = 'Sales';   Channel = 'VOICE'; Priority = 5; Delay = 30 }
            )
        }
        @{
            Name                   = 'Supervisors'
            Description            = 'Escalations first, then every queue'
            DefaultOutboundQueue   = 'Escalations'
            AgentAvailabilityTimer = 'TIME_SINCE_LAST_ACTIVITY'
            MediaConcurrencies     = @( @{ Channel = 'VOICE'; Concurrency = 1 } )
            QueueConfigs           = @(
                @{ Queue = 'Escalations'; Channel = 'VOICE'; Priority = 1; Delay = 0 }
                @{ Queue = 'Support';     Channel = 'VOICE'; Priority = 2; Delay = 60 }
                @{ Queue = 'Sales';       Channel = 'VOICE'; Priority = 3; Delay = 60 }
            )
        }
    )

    SecurityProfiles = @(
        @{
            Name        = 'Contact Centre Agent'
            Description = 'Take and make calls'
            Permissions = @('BasicAgentAccess', 'OutboundCallAccess')
        }
        @{
            Name        = 'Team Supervisor'
            Description = 'Agents plus real-time metrics and recordings'
            Permissions = @('BasicAgentAccess', 'OutboundCallAccess', 'RealTimeMetrics.View', 'MetricsReports.Access', 'ListenCallRecordings', 'ContactSearchView')
            Tags        = @{ Role = 'supervisor' }
        }
    )

    QuickConnects = @{
        escalate  = @{ Name = 'Escalate to supervisors'; Type = 'QUEUE'; Queue = 'Escalations'; ContactFlow = 'Queue Transfer' }
        team_lead = @{ Name = 'Team lead';               Type = 'USER';  User = 'jane.supervisor'; ContactFlow = 'Agent Transfer' }
        helpdesk  = @{ Name = 'External helpdesk';       Type = 'PHONE_NUMBER'; PhoneNumber = '+442079460000' }
    }

    PhoneNumbers = @{
        main_line = @{ CountryCode = 'GB'; Type = 'DID';       Prefix = '+4420'; Description = 'Main line';  ContactFlow = 'Main IVR' }
        freephone = @{ CountryCode = 'GB'; Type = 'TOLL_FREE'; Description = 'Freephone'; ContactFlow = 'Main IVR' }
    }

    ContactFlows = @(
        @{ Name = 'Main IVR';       Type = 'CONTACT_FLOW';   Path = './flows/main-ivr.json';       Description = 'Greets, looks the caller up, checks the hours, routes to a queue' }
        @{ Name = 'After Hours';    Type = 'CONTACT_FLOW';   Path = './flows/after-hours.json';    Description = 'Closed message; 9 goes back to the main menu' }
        @{ Name = 'Self Service';   Type = 'CONTACT_FLOW';   Path = './flows/self-service.json';   Description = 'Lex V2 first, the classic bot as fallback' }
        @{ Name = 'Customer Queue'; Type = 'CUSTOMER_QUEUE'; Path = './flows/customer-queue.json' }
        @{ Name = 'Queue Transfer'; Type = 'QUEUE_TRANSFER'; Path = './flows/queue-transfer.json' }
        @{ Name = 'Agent Transfer'; Type = 'AGENT_TRANSFER'; Path = './flows/agent-transfer.json' }
    )

    HierarchyStructure = @('Division', 'Team')
    HierarchyGroups    = @(
        @{ Name = 'Sales Division' }
        @{ Name = 'Support Division' }
        @{ Name = 'Inside Sales';    Parent = 'Sales Division' }
        @{ Name = 'Support Tier 1';  Parent = 'Support Division' }
    )

    Users = @(
        @{ Username = 'alice.sales'; Email = 'alice.sales@example.com'; FirstName = 'Alice'; LastName = 'Archer'
           PhoneType = 'SOFT_PHONE'; AutoAccept = $true; AfterContactWorkTimeLimit = 60
           RoutingProfile = 'Sales Agents'; SecurityProfiles = @('Contact Centre Agent'); HierarchyGroup = 'Inside Sales'
           PasswordSecret = 'connectops/full-example/agent-password' }
        @{ Username = 'bob.sales'; Email = 'bob.sales@example.com'; FirstName = 'Bob'; LastName = 'Baker'
           PhoneType = 'SOFT_PHONE'; RoutingProfile = 'Sales Agents'; SecurityProfiles = @('Contact Centre Agent'); HierarchyGroup = 'Inside Sales'
           PasswordSecret = 'connectops/full-example/agent-password' }
        @{ Username = 'carol.support'; Email = 'carol.support@example.com'; FirstName = 'Carol'; LastName = 'Carter'
           PhoneType = 'DESK_PHONE'; DeskPhoneNumber = '+442079460101'
           RoutingProfile = 'Support Agents'; SecurityProfiles = @('Contact Centre Agent'); HierarchyGroup = 'Support Tier 1'
           PasswordSecret = 'connectops/full-example/agent-password' }
        @{ Username = 'dave.support'; Email = 'dave.support@example.com'; FirstName = 'Dave'; LastName = 'Dunn'
           PhoneType = 'SOFT_PHONE'; RoutingProfile = 'Support Agents'; SecurityProfiles = @('Contact Centre Agent'); HierarchyGroup = 'Support Tier 1'
           PasswordSecret = 'connectops/full-example/agent-password' }
        @{ Username = 'jane.supervisor'; Email = 'jane.supervisor@example.com'; FirstName = 'Jane'; LastName = 'Jones'
           PhoneType = 'SOFT_PHONE'; RoutingProfile = 'Supervisors'; SecurityProfiles = @('Team Supervisor', 'Contact Centre Agent'); HierarchyGroup = 'Support Division'
           PasswordSecret = 'connectops/full-example/agent-password' }
    )

    AdminUser = @{
        Username       = 'admin'
        Email          = 'admin@example.com'
        FirstName      = 'Admin'
        LastName       = 'User'
        PasswordSecret = 'connectops/full-example/agent-password'
    }

    LambdaFunctions = @{
        customer_lookup = @{ FunctionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup' }
    }

    LexBots = @(
        @{ Name = 'CustomerServiceBot'; LexRegion = 'eu-west-2' }
        @{ Name = 'SelfServiceBot'; AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/SELFSVCBOT/TSTALIASID' }
    )
}
