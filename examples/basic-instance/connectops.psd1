# A small contact centre: the instance, its service role and contact-flow log group, business hours
# and two queues. Plan it with Invoke-ConnectPlan, apply it with Invoke-ConnectApply.
@{
    Region   = 'eu-west-2'
    State    = @{ Backend = 'Local' }

    Instance = @{
        Alias                        = 'connectops-basic'
        IdentityManagementType       = 'CONNECT_MANAGED'
        InboundCallsEnabled          = $true
        OutboundCallsEnabled         = $true
        ContactFlowLogsEnabled       = $true
        ContactLensEnabled           = $false
        AutoResolveBestVoicesEnabled = $true
        EarlyMediaEnabled            = $true
        MultiPartyConferenceEnabled  = $false
        LogRetentionDays             = 7
        IamPolicyArn                 = 'arn:aws:iam::aws:policy/AmazonConnect_FullAccess'
        Tags                         = @{ Environment = 'demo' }
    }

    Tags = @{ ManagedBy = 'connectops' }

    HoursOfOperation = @(
        @{
            Name     = 'UK Business Hours'
            TimeZone = 'Europe/London'
            Config   = @(
                @{ Day = 'MONDAY';    Start = '09:00'; End = '17:00' }
                @{ Day = 'TUESDAY';   Start = '09:00'; End = '17:00' }
                @{ Day = 'WEDNESDAY'; Start = '09:00'; End = '17:00' }
                @{ Day = 'THURSDAY';  Start = '09:00'; End = '17:00' }
                @{ Day = 'FRIDAY';    Start = '09:00'; End = '17:00' }
            )
        }
        @{
            Name     = 'Always Open'
            TimeZone = 'UTC'
            Config   = @(
                @{ Day = 'MONDAY';    Start = '00:00'; End = '23:59' }
                @{ Day = 'TUESDAY';   Start = '00:00'; End = '23:59' }
                @{ Day = 'WEDNESDAY'; Start = '00:00'; End = '23:59' }
                @{ Day = 'THURSDAY';  Start = '00:00'; End = '23:59' }
                @{ Day = 'FRIDAY';    Start = '00:00'; End = '23:59' }
                @{ Day = 'SATURDAY';  Start = '00:00'; End = '23:59' }
                @{ Day = 'SUNDAY';    Start = '00:00'; End = '23:59' }
            )
        }
    )

    Queues = @(
        @{
            Name             = 'CustomerService'
            Description      = 'General enquiries'
            HoursOfOperation = 'UK Business Hours'
            MaxContacts      = 100
        }
        @{
            Name             = 'Emergencies'
            Description      = 'Out-of-hours emergencies'
            HoursOfOperation = 'Always Open'
            MaxContacts      = 10
            Tags             = @{ Priority = 'high' }
        }
    )
}
