# A contact centre whose front door is automated: the inbound flow looks the caller up with a Lambda function,
# hands the conversation to a Lex V2 bot, and escalates to a human queue when the bot cannot help. The flow in
# ./flows names the function, the bot and the queue with placeholders (${LambdaFunctions/...}, ${LexBots/...},
# ${Queues/...}), so it applies unchanged to any instance; ConnectOps associates the function and the bot with
# the instance before the flow that uses them.
@{
    Region = 'eu-west-2'
    State  = @{ Backend = 'Local' }

    Instance = @{
        Alias                  = 'connectops-ai-front-door'
        IdentityManagementType = 'CONNECT_MANAGED'
        InboundCallsEnabled    = $true
        OutboundCallsEnabled   = $false
        ContactFlowLogsEnabled = $true
        ContactLensEnabled     = $true
        LogRetentionDays       = 14
    }

    Tags = @{ ManagedBy = 'connectops'; Project = 'lex-lambda-integration' }

    HoursOfOperation = @(
        @{
            Name     = 'Support Hours'
            TimeZone = 'Europe/London'
            Config   = @(
                @{ Day = 'MONDAY';    Start = '08:00'; End = '18:00' }
                @{ Day = 'TUESDAY';   Start = '08:00'; End = '18:00' }
                @{ Day = 'WEDNESDAY'; Start = '08:00'; End = '18:00' }
                @{ Day = 'THURSDAY';  Start = '08:00'; End = '18:00' }
                @{ Day = 'FRIDAY';    Start = '08:00'; End = '18:00' }
            )
        }
    )

    Queues = @(
        @{ Name = 'Human Escalation'; Description = 'When the bot cannot help'; HoursOfOperation = 'Support Hours'; MaxContacts = 20 }
    )

    RoutingProfiles = @(
        @{
            Name                 = 'Escalation Agents'
            DefaultOutboundQueue = 'Human Escalation'
            MediaConcurrencies   = @( @{ Channel = 'VOICE'; Concurrency = 1 }, @{ Channel = 'CHAT'; Concurrency = 3 } )
            QueueConfigs         = @(
                @{ Queue = 'Human Escalation'; Channel = 'VOICE'; Priority = 1; Delay = 0 }
                @{ Queue = 'Human Escalation'; Channel = 'CHAT';  Priority = 1; Delay = 0 }
            )
        }
    )

    PhoneNumbers = @{
        front_door = @{ CountryCode = 'GB'; Type = 'DID'; Description = 'AI front door'; ContactFlow = 'AI Front Door' }
    }

    ContactFlows = @(
        @{ Name = 'AI Front Door'; Type = 'CONTACT_FLOW'; Path = './flows/ai-front-door.json'; Description = 'Lambda lookup, Lex V2 conversation, human escalation' }
    )

    LambdaFunctions = @{
        customer_lookup = @{ FunctionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:CustomerLookup' }
        order_status    = @{ FunctionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:OrderStatus' }
    }

    LexBots = @(
        @{ Name = 'FrontDoorBot'; AliasArn = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/FRONTDOOR1/PRODALIAS1' }
    )
}
