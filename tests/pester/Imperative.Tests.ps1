# The imperative cmdlets (issue 6) as a user runs them, against the emulator: pipelines and CSVs, -WhatIf (no
# write call, checked with the emulator's admin endpoint), -Confirm:$false and -Force, -PassThru objects, errors with
# their ids, session defaults, and a declarative plan after cmdlet changes. One emulator and one applied copy of
# examples/basic-instance serve most of the file; each Describe uses its own resource names.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint
    $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'imperative') -Alias 'imperative-pester'
    # Hierarchy groups need levels: the copy declares them.
    $text = (Get-Content $script:Config -Raw) -replace "(?m)^(\s*)Tags = @\{ ManagedBy = 'connectops' \}", "`$1Tags = @{ ManagedBy = 'connectops' }`n`$1HierarchyStructure = @('Division', 'Team')"
    Set-Content -Path $script:Config -Value $text -NoNewline
    $script:Common = @{ ConfigPath = $script:Config; EndpointUrl = $script:Endpoint }
    Invoke-ConnectApply @script:Common -Force -ErrorAction Stop | Out-Null
    $script:StatePath = Join-Path (Split-Path $script:Config) '.connectops/state.json'
    $script:Password = ConvertTo-SecureString 'Init1al-Passw0rd' -AsPlainText -Force

    function script:Get-Writes { @(Get-WriteCalls (Get-EmulatorCalls -Endpoint $script:Endpoint)) }
    function script:Get-Calls { Get-EmulatorCalls -Endpoint $script:Endpoint }
    function script:Reset-Calls { Reset-EmulatorCalls -Endpoint $script:Endpoint }
    function script:Get-StateEntry([string] $Address) { Get-ConnectState -ConfigPath $script:Config -Address $Address -ErrorAction SilentlyContinue }
}

AfterAll {
    Clear-ConnectDefault
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Set-ConnectDefault, Get-ConnectDefault, Clear-ConnectDefault' {
    AfterEach { Clear-ConnectDefault }

    It 'lets every cmdlet find the config, state and endpoint without parameters' {
        Push-Location $TestDrive
        try {
            Set-ConnectDefault -ConfigPath $script:Config -EndpointUrl $script:Endpoint
            $defaults = Get-ConnectDefault
            $defaults.ConfigPath | Should -Be (Resolve-Path $script:Config).Path
            $defaults.EndpointUrl | Should -Be $script:Endpoint
            (Get-ConnectQueue -Name CustomerService).ManagedBy | Should -Be 'Config'
        }
        finally { Pop-Location }
    }

    It 'changes only the parameters given, and -PassThru writes what is in effect' {
        Set-ConnectDefault -ConfigPath $script:Config -Region eu-west-2
        $after = Set-ConnectDefault -EndpointUrl $script:Endpoint -PassThru
        $after.ConfigPath | Should -Not -BeNullOrEmpty
        $after.Region | Should -Be 'eu-west-2'
        $after.EndpointUrl | Should -Be $script:Endpoint
    }

    It 'refuses a config path that does not exist, with ConnectOps.ConfigNotFound' {
        { Set-ConnectDefault -ConfigPath (Join-Path $TestDrive 'nope.psd1') -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.ConfigNotFound,ConnectOps.Commands.SetConnectDefaultCommand'
        Get-ConnectDefault | Should -BeNullOrEmpty
    }

    It 'Clear-ConnectDefault forgets them, so ./connectops.psd1 is looked for again' {
        Set-ConnectDefault -ConfigPath $script:Config -EndpointUrl $script:Endpoint
        Clear-ConnectDefault
        Get-ConnectDefault | Should -BeNullOrEmpty
        Push-Location $TestDrive
        try { { Get-ConnectQueue -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.ConfigNotFound,ConnectOps.Commands.GetConnectQueueCommand' }
        finally { Pop-Location }
    }
}

Describe 'Queues: Get-, New-, Set-, Remove-ConnectQueue' {
    It 'New-ConnectQueue -WhatIf shows the change and makes no write call' {
        Reset-Calls
        $output = New-ConnectQueue @script:Common -Name 'Pester Night' -HoursOfOperation 'Always Open' -WhatIf 6>&1 | Out-String
        Get-Writes | Should -BeNullOrEmpty
        Get-StateEntry 'Queues/Pester Night' | Should -BeNullOrEmpty
        (Get-Calls).Keys | Where-Object { $_ -like '*Describe*' } | Should -BeNullOrEmpty
    }

    It 'New-ConnectQueue creates the queue with one CreateQueue, Origin=Cmdlet, and -PassThru writes a ConnectQueue' {
        Reset-Calls
        $queue = New-ConnectQueue @script:Common -Name 'Pester Night' -HoursOfOperation 'Always Open' -MaxContacts 20 -Description 'nights' -PassThru
        $queue | Should -BeOfType ([ConnectOps.Commands.ConnectQueue])
        $queue.Name | Should -Be 'Pester Night'
        $queue.HoursOfOperation | Should -Be 'Always Open'
        $queue.MaxContacts | Should -Be 20
        $queue.ManagedBy | Should -Be 'Cmdlet'
        Get-Writes | Should -Be @('Connect.CreateQueue')
        (Get-StateEntry 'Queues/Pester Night').Origin | Should -Be 'Cmdlet'
    }

    It 'Get-ConnectQueue | Format-Table shows name, hours, max contacts, status and who manages it' {
        $table = Get-ConnectQueue @script:Common | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+HoursOfOperation\s+MaxContacts\s+Status\s+ManagedBy'
        $table | Should -Match 'Pester Night\s+Always Open\s+20\s+ENABLED\s+Cmdlet'
        $table | Should -Match 'CustomerService\s+UK Business Hours\s+100\s+ENABLED\s+Config'
        $table | Should -Match 'BasicQueue\s+Basic Hours'
    }

    It 'Get-ConnectQueue reads with one SearchQueues page and filters with wildcards' {
        Reset-Calls
        $found = @(Get-ConnectQueue @script:Common -Name 'Pester*', 'Cust*')
        $found.Name | Sort-Object | Should -Be @('CustomerService', 'Pester Night')
        $calls = Get-Calls
        $calls['Connect.SearchQueues'] | Should -Be 1
        $calls.Keys | Where-Object { $_ -like '*DescribeQueue*' } | Should -BeNullOrEmpty
    }

    It 'Get-ConnectQueue -Name with no match writes ConnectOps.ResourceNotFound' {
        Get-ConnectQueue @script:Common -Name 'No Such Queue' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectOps.ResourceNotFound,ConnectOps.Commands.GetConnectQueueCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'Get-ConnectQueue works without a config, given -InstanceId and -Region' {
        $instanceId = (Get-ConnectState -ConfigPath $script:Config -Address Instance).Id
        Push-Location $TestDrive
        try { $queues = @(Get-ConnectQueue -InstanceId $instanceId -Region eu-west-2 -EndpointUrl $script:Endpoint -Name 'Pester Night') }
        finally { Pop-Location }
        $queues | Should -HaveCount 1
        $queues[0].ManagedBy | Should -Be ''
    }

    It 'Set-ConnectQueue changes only the given setting with one call' {
        Reset-Calls
        $queue = Set-ConnectQueue @script:Common -Name 'Pester Night' -MaxContacts 40 -PassThru
        $queue.MaxContacts | Should -Be 40
        $queue.Description | Should -Be 'nights'
        Get-Writes | Should -Be @('Connect.UpdateQueueMaxContacts')
    }

    It 'Set-ConnectQueue with the values AWS has makes no call' {
        Reset-Calls
        Set-ConnectQueue @script:Common -Name 'Pester Night' -MaxContacts 40
        Get-Writes | Should -BeNullOrEmpty
    }

    It 'Set-ConnectQueue -WhatIf on a config-managed queue warns and changes nothing' {
        Reset-Calls
        Set-ConnectQueue @script:Common -Name CustomerService -Status DISABLED -WhatIf -WarningVariable warnings 3>$null
        Get-Writes | Should -BeNullOrEmpty
        "$warnings" | Should -Match 'Queues/CustomerService is managed by connectops.psd1: the next Invoke-ConnectApply will revert this change'
    }

    It 'Get-ConnectQueue | Set-ConnectQueue works by property name' {
        Reset-Calls
        Get-ConnectQueue @script:Common -Name 'Pester Night' | Set-ConnectQueue @script:Common -Status DISABLED
        Get-Writes | Should -Be @('Connect.UpdateQueueStatus')
        (Get-ConnectQueue @script:Common -Name 'Pester Night').Status | Should -Be 'DISABLED'
    }

    It 'an unknown reference is an error with the config id and the address, and no call is made' {
        Reset-Calls
        New-ConnectQueue @script:Common -Name 'Pester Bad' -HoursOfOperation 'Always Opn' -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectOps.Config.DanglingReference,ConnectOps.Commands.NewConnectQueueCommand'
        $err[0].TargetObject | Should -Be 'Queues/Pester Bad'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        "$err" | Should -Match "Did you mean 'Always Open'\?"
        Get-Writes | Should -BeNullOrEmpty
    }

    It 'New-ConnectQueue refuses a name that exists, naming the cmdlet to use instead' {
        New-ConnectQueue @script:Common -Name BasicQueue -HoursOfOperation 'Basic Hours' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.ResourceExists,*'
        "$err" | Should -Match 'Set-ConnectQueue'
    }

    It 'a held state lock fails New-ConnectQueue at once; with -LockTimeout it waits for the holder and then creates' {
        $lock = Join-Path (Split-Path $script:StatePath) 'state.lock'
        $record = @{ ID = 'runbook-lock-1'; Operation = 'apply'; Info = ''; Who = 'runbook@scheduler'; Version = '0.1.0'; Created = '2026-01-01T00:00:00Z'; Path = $script:StatePath } | ConvertTo-Json -Compress
        Set-Content -Path $lock -Value $record -NoNewline
        try {
            Reset-Calls
            $err = { New-ConnectQueue @script:Common -Name 'Pester Locked' -HoursOfOperation 'Always Open' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ConnectOps.StateLocked,ConnectOps.Commands.NewConnectQueueCommand' -PassThru
            $err.ErrorDetails.Message | Should -Match 'runbook@scheduler'
            Get-Writes | Should -BeNullOrEmpty

            # The holder finishes 1.5 s from now; the cmdlet waits for it instead of failing.
            $release = Start-ThreadJob { param($Path) Start-Sleep -Milliseconds 1500; Remove-Item $Path } -ArgumentList $lock
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $queue = New-ConnectQueue @script:Common -Name 'Pester Locked' -HoursOfOperation 'Always Open' -LockTimeout 30 -PassThru -ErrorAction Stop
            $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.4
            $release | Wait-Job | Remove-Job
            $queue.Name | Should -Be 'Pester Locked'
            Get-Writes | Should -Be @('Connect.CreateQueue')
            Test-Path $lock | Should -BeFalse
        }
        finally {
            Remove-Item $lock -ErrorAction SilentlyContinue
            Remove-ConnectQueue @script:Common -Name 'Pester Locked' -Force -ErrorAction SilentlyContinue
        }
    }

    It 'Remove-ConnectQueue -WhatIf keeps it; -Confirm:$false deletes it and its state entry' {
        Reset-Calls
        Remove-ConnectQueue @script:Common -Name 'Pester Night' -WhatIf
        Get-Writes | Should -BeNullOrEmpty
        Remove-ConnectQueue @script:Common -Name 'Pester Night' -Confirm:$false
        Get-Writes | Should -Be @('Connect.DeleteQueue')
        Get-StateEntry 'Queues/Pester Night' | Should -BeNullOrEmpty
    }

    It 'Remove-ConnectQueue of a name that does not exist is ConnectOps.ResourceNotFound' {
        Remove-ConnectQueue @script:Common -Name 'Pester Gone' -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectOps.ResourceNotFound,ConnectOps.Commands.RemoveConnectQueueCommand'
    }
}

Describe 'Hours of operation: Get-, New-, Set-, Remove-ConnectHoursOfOperation' {
    It 'creates, reads, changes and deletes hours of operation' {
        Reset-Calls
        $hours = New-ConnectHoursOfOperation @script:Common -Name 'Pester Weekend' -TimeZone 'Europe/London' -Config @{ Day = 'SATURDAY'; Start = '10:00'; End = '16:00' }, @{ Day = 'SUNDAY'; Start = '10:00'; End = '14:00' } -PassThru
        $hours.Config | Should -HaveCount 2
        Get-Writes | Should -Be @('Connect.CreateHoursOfOperation')
        (Get-ConnectHoursOfOperation @script:Common -Name 'Pester W*' | Format-Table | Out-String) | Should -Match 'Pester Weekend\s+Europe/London\s+SAT 10:00-16:00, SUN 10:00-14:00\s+Cmdlet'

        Reset-Calls
        (Set-ConnectHoursOfOperation @script:Common -Name 'Pester Weekend' -TimeZone 'Europe/Dublin' -PassThru).TimeZone | Should -Be 'Europe/Dublin'
        Get-Writes | Should -Be @('Connect.UpdateHoursOfOperation')

        New-ConnectQueue @script:Common -Name 'Pester Weekend Desk' -HoursOfOperation 'Pester Weekend' -PassThru | Select-Object -ExpandProperty HoursOfOperation | Should -Be 'Pester Weekend'
        Remove-ConnectQueue @script:Common -Name 'Pester Weekend Desk' -Force
        Remove-ConnectHoursOfOperation @script:Common -Name 'Pester Weekend' -Force
        Get-ConnectHoursOfOperation @script:Common -Name 'Pester Weekend' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'a bad time zone is a config error naming the setting' {
        New-ConnectHoursOfOperation @script:Common -Name 'Pester Bad Zone' -TimeZone 'Europe/Londn' -Config @{ Day = 'MONDAY'; Start = '09:00'; End = '17:00' } -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.Config.UnknownTimeZone,*'
        "$err" | Should -Match 'TimeZone'
    }
}

Describe 'Users: Import-Csv | New-ConnectUser and the other user cmdlets' {
    BeforeAll {
        $script:Csv = Join-Path $TestDrive 'agents.csv'
        $rows = @(
            'Username,Email,FirstName,LastName,RoutingProfile,SecurityProfiles,PhoneType,AutoAccept,AfterContactWorkTimeLimit'
            'p.ann,ann@example.com,Ann,Archer,Basic Routing Profile,"Agent,CallCenterManager",SOFT_PHONE,true,30'
            'p.bob,bob@example.com,Bob,Baker,Nope Profile,Agent,SOFT_PHONE,,'
            'p.cat,,Cat,Cole,Basic Routing Profile,Agent,,,'
            'p.ann,ann.again@example.com,Ann,Again,Basic Routing Profile,Agent,,,'
            'p.dan,dan@example.com,Dan,Dunn,Basic Routing Profile,Agent,,no,'
        )
        # A UTF-8 byte-order mark at the start of the file, as Excel writes it.
        [IO.File]::WriteAllText($script:Csv, ($rows -join "`r`n") + "`r`n", [Text.UTF8Encoding]::new($true))
    }

    It 'the bad rows get one clear error each, the good rows are created, and no call is made for the bad ones' {
        [IO.File]::ReadAllBytes($script:Csv)[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        Reset-Calls
        $created = Import-Csv $script:Csv | New-ConnectUser @script:Common -Password $script:Password -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $created.Username | Sort-Object | Should -Be @('p.ann', 'p.dan')
        $err | Should -HaveCount 3
        $byId = @{}; foreach ($e in $err) { $byId[$e.TargetObject] = $e }
        $byId['Users/p.bob'].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.Config.DanglingReference,*'
        "$($byId['Users/p.bob'])" | Should -Match "^row 2 \(Users/p.bob\): RoutingProfile: 'Nope Profile' names a routing profile that does not exist"
        $byId['Users/p.cat'].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.Config.MissingValue,*'
        "$($byId['Users/p.cat'])" | Should -Match '^row 3 \(Users/p.cat\): Email is required'
        $byId['Users/p.ann'].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.DuplicateInput,*'
        "$($byId['Users/p.ann'])" | Should -Match '^row 4 \(Users/p.ann\): .*\(row 1\)'
        (Get-Calls)['Connect.CreateUser'] | Should -Be 2
        $ann = Get-ConnectUser @script:Common -Name p.ann
        $ann.SecurityProfiles | Sort-Object | Should -Be @('Agent', 'CallCenterManager')
        $ann.AutoAccept | Should -BeTrue
        $ann.AfterContactWorkTimeLimit | Should -Be 30
        (Get-ConnectUser @script:Common -Name p.dan).AutoAccept | Should -BeFalse
    }

    It 'never writes the password to state' {
        (Get-Content $script:StatePath -Raw) | Should -Not -Match 'Init1al-Passw0rd'
        (Get-StateEntry 'Users/p.ann').Origin | Should -Be 'Cmdlet'
    }

    It 'a user that exists already is refused with ConnectOps.ResourceExists' {
        New-ConnectUser @script:Common -Username p.ann -Email ann@example.com -RoutingProfile 'Basic Routing Profile' -SecurityProfiles Agent -Password $script:Password -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.ResourceExists,*'
    }

    It 'a new user without a password on a CONNECT_MANAGED instance is refused before any call' {
        Reset-Calls
        New-ConnectUser @script:Common -Username p.eve -Email eve@example.com -RoutingProfile 'Basic Routing Profile' -SecurityProfiles Agent -ErrorVariable err -ErrorAction SilentlyContinue
        "$err" | Should -Match 'A password is required'
        Get-Writes | Should -BeNullOrEmpty
    }

    It 'Get-ConnectUser | Format-Table shows the useful columns' {
        $table = Get-ConnectUser @script:Common -Name 'p.*' | Format-Table | Out-String -Width 200
        $table | Should -Match 'Username\s+FirstName\s+LastName\s+RoutingProfile\s+SecurityProfiles\s+HierarchyGroup\s+ManagedBy'
        $table | Should -Match 'p.ann\s+Ann\s+Archer\s+Basic Routing Profile\s+Agent, CallCenterManager\s+Cmdlet'
    }

    It 'Set-ConnectUser changes one facet with one call; Remove-ConnectUser takes users from the pipeline' {
        Reset-Calls
        (Set-ConnectUser @script:Common -Username p.ann -LastName Anderson -PassThru).LastName | Should -Be 'Anderson'
        Get-Writes | Should -Be @('Connect.UpdateUserIdentityInfo')
        (Get-ConnectUser @script:Common -Name p.ann).Email | Should -Be 'ann@example.com'

        Reset-Calls
        Get-ConnectUser @script:Common -Name 'p.*' | Remove-ConnectUser @script:Common -Confirm:$false
        (Get-Calls)['Connect.DeleteUser'] | Should -Be 2
        Get-ConnectUser @script:Common -Name 'p.*' | Should -BeNullOrEmpty
    }
}

Describe 'Routing profiles, security profiles, quick connects and hierarchy groups' {
    It 'New-/Set-/Get-/Remove-ConnectRoutingProfile' {
        $profile = New-ConnectRoutingProfile @script:Common -Name 'Pester Agents' -DefaultOutboundQueue CustomerService -MediaConcurrencies @{ Channel = 'VOICE'; Concurrency = 1 } -QueueConfigs @{ Queue = 'CustomerService'; Channel = 'VOICE'; Priority = 1; Delay = 0 } -PassThru
        $profile.QueueConfigs[0].Queue | Should -Be 'CustomerService'
        Reset-Calls
        (Set-ConnectRoutingProfile @script:Common -Name 'Pester Agents' -Description 'front line' -PassThru).Description | Should -Be 'front line'
        Get-Writes | Should -Be @('Connect.UpdateRoutingProfileName')
        (Get-ConnectRoutingProfile @script:Common -Name 'Pester Agents').ManagedBy | Should -Be 'Cmdlet'
        Remove-ConnectRoutingProfile @script:Common -Name 'Pester Agents' -Force
        Get-StateEntry 'RoutingProfiles/Pester Agents' | Should -BeNullOrEmpty
    }

    It 'New-/Set-/Get-/Remove-ConnectSecurityProfile, permissions from a comma-separated string' {
        $profile = New-ConnectSecurityProfile @script:Common -Name 'Pester Supervisors' -Permissions 'BasicAgentAccess,AgentsMonitor.View' -PassThru
        $profile.Permissions | Sort-Object | Should -Be @('AgentsMonitor.View', 'BasicAgentAccess')
        (Set-ConnectSecurityProfile @script:Common -Name 'Pester Supervisors' -Description 'sups' -PassThru).Description | Should -Be 'sups'
        (Get-ConnectSecurityProfile @script:Common -Name 'Pester Sup*').Name | Should -Be 'Pester Supervisors'
        Remove-ConnectSecurityProfile @script:Common -Name 'Pester Supervisors' -Confirm:$false
        Get-ConnectSecurityProfile @script:Common -Name 'Pester Supervisors' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'New-/Set-/Get-/Remove-ConnectQuickConnect' {
        $qc = New-ConnectQuickConnect @script:Common -Name 'Pester To CS' -Type QUEUE -Queue CustomerService -PassThru
        $qc.Queue | Should -Be 'CustomerService'
        $qc.ContactFlow | Should -Be 'Default queue transfer'
        (Set-ConnectQuickConnect @script:Common -Name 'Pester To CS' -Description 'cs' -PassThru).Description | Should -Be 'cs'
        (Get-ConnectQuickConnect @script:Common -Name 'Pester*' | Format-Table | Out-String) | Should -Match 'Pester To CS\s+QUEUE\s+CustomerService'
        Remove-ConnectQuickConnect @script:Common -Name 'Pester To CS' -Force
        Get-StateEntry 'QuickConnects/Pester To CS' | Should -BeNullOrEmpty
    }

    It 'New-ConnectHierarchyGroup creates a parent and its child from one pipeline, parent first' {
        $groups = @([pscustomobject]@{ Name = 'Pester Inside' ; Parent = 'Pester Sales' }, [pscustomobject]@{ Name = 'Pester Sales' }) | New-ConnectHierarchyGroup @script:Common -PassThru
        ($groups | Where-Object Name -EQ 'Pester Inside').Parent | Should -Be 'Pester Sales'
        (Get-ConnectHierarchyGroup @script:Common -Name 'Pester*').Name | Sort-Object | Should -Be @('Pester Inside', 'Pester Sales')
        (Set-ConnectHierarchyGroup @script:Common -Name 'Pester Sales' -Tags @{ CostCentre = '42' } -PassThru).Tags['CostCentre'] | Should -Be '42'
        Remove-ConnectHierarchyGroup @script:Common -Name 'Pester Inside' -Force
        Remove-ConnectHierarchyGroup @script:Common -Name 'Pester Sales' -Force
        Get-ConnectHierarchyGroup @script:Common -Name 'Pester*' | Should -BeNullOrEmpty
    }
}

Describe 'Contact flows and phone numbers' {
    BeforeAll {
        $script:FlowFile = Join-Path $TestDrive 'hello.json'
        Set-Content $script:FlowFile '{ "Version": "2019-10-30", "StartAction": "bye", "Actions": [ { "Identifier": "bye", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {} } ] }'
    }

    It 'New-ConnectContactFlow reads -Path from the current location; Set-/Get-/Remove- work on it' {
        Push-Location $TestDrive
        try { $flow = New-ConnectContactFlow @script:Common -Name 'Pester Hello' -Type CONTACT_FLOW -Path ./hello.json -PassThru }
        finally { Pop-Location }
        $flow.Type | Should -Be 'CONTACT_FLOW'
        $flow.ManagedBy | Should -Be 'Cmdlet'
        Reset-Calls
        (Set-ConnectContactFlow @script:Common -Name 'Pester Hello' -Description 'hello' -PassThru).Description | Should -Be 'hello'
        Get-Writes | Should -Be @('Connect.UpdateContactFlowName')
        (Get-ConnectContactFlow @script:Common -Name 'Pester H*').Name | Should -Be 'Pester Hello'
    }

    It 'New-ConnectPhoneNumber claims a number; Set-ConnectPhoneNumber -ContactFlow points it at a flow' {
        $number = New-ConnectPhoneNumber @script:Common -Name pester_line -CountryCode GB -Type DID -PassThru
        $number.PhoneNumber | Should -Match '^\+44'
        Reset-Calls
        (Set-ConnectPhoneNumber @script:Common -Name pester_line -ContactFlow 'Pester Hello' -PassThru).ContactFlow | Should -Be 'Pester Hello'
        Get-Writes | Should -Be @('Connect.AssociatePhoneNumberContactFlow')
        (Get-ConnectPhoneNumber @script:Common -Name pester_line | Format-Table | Out-String) | Should -Match 'pester_line\s+DID\s+GB\s+Pester Hello\s+Cmdlet'
    }

    It 'Remove-ConnectPhoneNumber refuses to release without -AllowDestroy, and releases with it' {
        Reset-Calls
        Remove-ConnectPhoneNumber @script:Common -Name pester_line -Force -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectOps.DestroyRefused,ConnectOps.Commands.RemoveConnectPhoneNumberCommand'
        "$err" | Should -Match '-AllowDestroy'
        Get-Writes | Should -BeNullOrEmpty

        Remove-ConnectPhoneNumber @script:Common -Name pester_line -AllowDestroy -Force
        Get-Writes | Should -Be @('Connect.ReleasePhoneNumber')
        Get-StateEntry 'PhoneNumbers/pester_line' | Should -BeNullOrEmpty
        Remove-ConnectContactFlow @script:Common -Name 'Pester Hello' -Force
        Get-StateEntry 'ContactFlows/Pester Hello' | Should -BeNullOrEmpty
    }
}

Describe 'Lambda and Lex associations' {
    It 'Add-/Get-/Remove-ConnectLambdaFunction, keyed by the function name' {
        $arn = 'arn:aws:lambda:eu-west-2:123456789012:function:PesterLookup'
        (Add-ConnectLambdaFunction @script:Common -FunctionArn $arn -PassThru).Address | Should -Be 'LambdaFunctions/PesterLookup'
        (Get-ConnectLambdaFunction @script:Common).FunctionArn | Should -Contain $arn
        Remove-ConnectLambdaFunction @script:Common -Name PesterLookup -Force
        (Get-ConnectLambdaFunction @script:Common).FunctionArn | Should -Not -Contain $arn
    }

    It 'Add-/Get-/Remove-ConnectLexBot for V2 (alias ARN) and V1 (name and Region)' {
        $alias = 'arn:aws:lex:eu-west-2:123456789012:bot-alias/PESTERBOT/PESTERALIAS'
        (Add-ConnectLexBot @script:Common -AliasArn $alias -Name 'Pester V2' -PassThru).LexVersion | Should -Be 'V2'
        (Add-ConnectLexBot @script:Common -Name PesterOrders -LexRegion eu-west-2 -PassThru).LexVersion | Should -Be 'V1'
        $bots = Get-ConnectLexBot @script:Common
        $bots.AliasArn | Should -Contain $alias
        $bots.BotName | Should -Contain 'PesterOrders'
        Remove-ConnectLexBot @script:Common -Name 'Pester V2' -Force
        Remove-ConnectLexBot @script:Common -Name PesterOrders -Force
        (Get-ConnectLexBot @script:Common).AliasArn | Should -Not -Contain $alias
    }
}

Describe 'Argument completion' {
    It 'completes names from the config, from state (cmdlet-made) and the built-ins, and setting values' {
        New-ConnectQueue @script:Common -Name 'Pester Completed' -HoursOfOperation 'Basic Hours' | Out-Null
        try {
            $line = "Set-ConnectQueue -ConfigPath '$script:Config' -Name "
            $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
            $names | Should -Contain "'Pester Completed'"
            $names | Should -Contain 'CustomerService'
            $names | Should -Contain 'BasicQueue'
            $line = "New-ConnectUser -ConfigPath '$script:Config' -RoutingProfile Basic"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'Basic Routing Profile'")
            $line = 'New-ConnectUser -PhoneType '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('SOFT_PHONE', 'DESK_PHONE')
        }
        finally { Remove-ConnectQueue @script:Common -Name 'Pester Completed' -Force }
    }
}

Describe 'Imperative changes, then a declarative plan and apply' {
    It 'lists cmdlet-made resources as managed outside the config and never deletes them' {
        New-ConnectQueue @script:Common -Name 'Pester Kept' -HoursOfOperation 'Basic Hours' | Out-Null
        New-ConnectUser @script:Common -Username p.kept -Email kept@example.com -RoutingProfile 'Basic Routing Profile' -SecurityProfiles Agent -Password $script:Password
        $plan = Invoke-ConnectPlan @script:Common
        $kept = @($plan.Changes | Where-Object { $_.Address.ToString() -in 'Queues/Pester Kept', 'Users/p.kept' })
        $kept | Should -HaveCount 2
        $kept | ForEach-Object { $_.Action.ToString() | Should -Be 'NoOp'; $_.Unmanaged | Should -BeTrue }
        ($plan | Out-String) | Should -Match '(?s)Managed outside the config.*Queues/Pester Kept'

        Reset-Calls
        Invoke-ConnectApply @script:Common -Force | Out-Null
        (Get-Writes) -like '*Delete*' | Should -BeNullOrEmpty
        (Get-StateEntry 'Queues/Pester Kept').Origin | Should -Be 'Cmdlet'
        (Get-ConnectUser @script:Common -Name p.kept).ManagedBy | Should -Be 'Cmdlet'
    }
}

Describe 'CSV bulk creation within the rate limits' {
    BeforeAll {
        # Connect's documented quotas: CreateUser 2 requests per second, burst 5.
        $script:Limited = Start-ConnectEmulator -RateLimits aws-default -ResourceQuotas off
        $script:LimitedConfig = Copy-ConnectExample -Destination (Join-Path $TestDrive 'limited') -Alias 'imperative-limited'
        $script:Limits = @{ ConfigPath = $script:LimitedConfig; EndpointUrl = $script:Limited.Endpoint }
        Invoke-ConnectApply @script:Limits -Force -ErrorAction Stop | Out-Null
    }

    AfterAll { if ($script:Limited) { $script:Limited | Stop-ConnectEmulator -Confirm:$false } }

    It 'creates 20 users from a CSV with no throttling error, close to the CreateUser quota floor' {
        $count = 20
        $csv = Join-Path $TestDrive 'bulk.csv'
        $rows = 1..$count | ForEach-Object { [pscustomobject]@{ Username = "bulk.$_"; Email = "bulk.$_@example.com"; FirstName = 'Bulk'; LastName = "$_"; RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = 'Agent'; Password = 'Init1al-Passw0rd' } }
        $rows | Export-Csv $csv -NoTypeInformation -Encoding utf8BOM
        Reset-EmulatorCalls -Endpoint $script:Limited.Endpoint
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Import-Csv $csv | New-ConnectUser @script:Limits -ErrorVariable err -ErrorAction SilentlyContinue
        $watch.Stop()
        $err | Should -BeNullOrEmpty
        # Served calls include any the emulator throttled (a request arriving early by network jitter); the
        # retries absorb those, so every user is created exactly once and no error surfaces.
        $stats = Invoke-RestMethod -Uri "$($script:Limited.Endpoint)/_connectops/calls" -Method Get
        $throttled = [int]($stats.Throttled.'Connect.CreateUser')
        ([int]$stats.Calls.'Connect.CreateUser' - $throttled) | Should -Be $count
        $throttled | Should -BeLessThan 3
        @(Get-ConnectUser @script:Limits -Name 'bulk.*') | Should -HaveCount $count
        $floor = ($count - 5) / 2
        Write-Host ("CSV bulk: {0} users in {1:N1} s; CreateUser quota floor (2 rps, burst 5) {2:N1} s; ratio {3:N2}; throttled and retried: {4}" -f $count, $watch.Elapsed.TotalSeconds, $floor, ($watch.Elapsed.TotalSeconds / $floor), $throttled)
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan ($floor * 0.8) -Because 'the rate limiter paces CreateUser at its quota'
    }
}
