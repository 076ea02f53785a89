# The issue-3 cmdlets as a user drives them, against one emulator for the whole file. Every scenario works
# on its own copy of examples/basic-instance in $TestDrive (with its own instance alias), so state never
# lands in the repository and scenarios do not see each other's resources.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint

    $script:ExpectedAddresses = @(
        'HoursOfOperation/Always Open'
        'HoursOfOperation/UK Business Hours'
        'Iam/ConnectRole'
        'Instance'
        'Logging/ContactFlowLogs'
        'Queues/CustomerService'
        'Queues/Emergencies'
    )
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Start-ConnectEmulator and Stop-ConnectEmulator' {
    It 'returns a running emulator whose endpoint is on 127.0.0.1 and answers' {
        $script:Emulator.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $script:Emulator.Running | Should -BeTrue
        $script:Emulator.ProcessId | Should -BeGreaterThan 0
        (Invoke-RestMethod "$($script:Emulator.Endpoint)/_connectops/health").Status | Should -Be 'ok'
    }

    It 'starts each emulator on its own free port, and Stop-ConnectEmulator ends that process only' {
        $second = Start-ConnectEmulator
        try {
            $second.Endpoint | Should -Not -Be $script:Emulator.Endpoint
            Get-Process -Id $second.ProcessId | Should -Not -BeNullOrEmpty
        }
        finally {
            $second | Stop-ConnectEmulator -Confirm:$false
        }
        $second.Running | Should -BeExactly $false
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while ((Get-Process -Id $second.ProcessId -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Get-Process -Id $second.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { Invoke-RestMethod "$($second.Endpoint)/_connectops/health" -TimeoutSec 5 } | Should -Throw
        # The other emulator is untouched.
        $script:Emulator.Running | Should -BeTrue
    }

    It 'an emulator exits by itself when the session that started it is killed' {
        $module = Get-TestModulePath
        $child = Invoke-ChildPwsh -Script @"
Import-Module '$module'
`$e = Start-ConnectEmulator
"EMULATOR `$(`$e.ProcessId) `$(`$e.Endpoint)"
Stop-Process -Id `$PID -Force
"@
        $line = $child.Output | Where-Object { $_ -match '^EMULATOR (\d+) (\S+)$' } | Select-Object -First 1
        $line | Should -Not -BeNullOrEmpty -Because $child.Text
        $null = $line -match '^EMULATOR (\d+) (\S+)$'
        $emulatorPid = [int]$Matches[1]; $endpoint = $Matches[2]

        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        while ((Get-Process -Id $emulatorPid -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
        try {
            Get-Process -Id $emulatorPid -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            { Invoke-RestMethod "$endpoint/_connectops/health" -TimeoutSec 5 } | Should -Throw
        }
        finally {
            Stop-Process -Id $emulatorPid -Force -ErrorAction SilentlyContinue
        }
    }

    It 'Stop-ConnectEmulator -WhatIf leaves the emulator running' {
        $script:Emulator | Stop-ConnectEmulator -WhatIf
        $script:Emulator.Running | Should -BeTrue
    }
}

Describe 'Test-ConnectConfig' {
    BeforeAll {
        $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'test-config')
    }

    It 'returns $true and writes no error for the basic example' {
        $result = Test-ConnectConfig -ConfigPath $script:Config -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeExactly $true
        $errors | Should -HaveCount 0
    }

    It 'returns $false with one error record per problem, each with its id and file:line:column' {
        $broken = Join-Path $TestDrive 'test-config/broken.psd1'
        $lines = Get-Content $script:Config
        $lines = $lines -replace "MaxContacts      = 100", "MaxContactz      = 100" -replace "TimeZone = 'Europe/London'", "TimeZone = 'Europe/Londn'"
        Set-Content $broken $lines
        $keyLine = ($lines | Select-String -SimpleMatch 'MaxContactz').LineNumber
        $keyColumn = $lines[$keyLine - 1].IndexOf('MaxContactz') + 1
        $zoneLine = ($lines | Select-String -SimpleMatch 'Europe/Londn').LineNumber

        $result = Test-ConnectConfig -ConfigPath $broken -ErrorVariable errors -ErrorAction SilentlyContinue

        $result | Should -BeExactly $false
        $errors | Should -HaveCount 2
        $unknown = $errors | Where-Object { $_.FullyQualifiedErrorId -like 'ConnectOps.Config.UnknownKey,*' }
        $unknown | Should -HaveCount 1
        "$unknown" | Should -Match ([regex]::Escape("broken.psd1:${keyLine}:$keyColumn"))
        "$unknown" | Should -Match "Did you mean 'MaxContacts'"
        $unknown.CategoryInfo.Category | Should -Be 'InvalidData'
        $zone = $errors | Where-Object { $_.FullyQualifiedErrorId -like 'ConnectOps.Config.UnknownTimeZone,*' }
        $zone | Should -HaveCount 1
        "$zone" | Should -Match "broken\.psd1:${zoneLine}:\d+"
        "$zone" | Should -Match "Did you mean 'Europe/London'"
    }

    It 'returns $false with ConnectOps.ConfigNotFound for a missing file' {
        $result = Test-ConnectConfig -ConfigPath (Join-Path $TestDrive 'nope.psd1') -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeExactly $false
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.ConfigNotFound,*'
    }

    It 'reads ./connectops.psd1 from the current PowerShell location by default' {
        Push-Location (Split-Path $script:Config)
        try { Test-ConnectConfig | Should -BeExactly $true }
        finally { Pop-Location }
    }
}

Describe 'Invoke-ConnectPlan' {
    BeforeAll {
        $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'plan') -Alias 'pester-plan'
    }

    It 'returns a plan of 7 creates that renders as a + diff through its format view' {
        Reset-EmulatorCalls $script:Endpoint
        $plan = Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint

        @($plan.Changes | Where-Object Action -EQ 'Create').Count | Should -Be 7
        ($plan.Changes.Address | ForEach-Object ToString | Sort-Object) | Should -Be $script:ExpectedAddresses
        $text = $plan | Out-String
        $text | Should -Match 'Plan: 7 to add, 0 to change, 0 to destroy\.'
        $text | Should -Match '(?m)^\s+\+ Queues/CustomerService$'
        $text | Should -Match '\+ MaxContacts: 100'
        # A plan reads only.
        Get-WriteCalls (Get-EmulatorCalls $script:Endpoint) | Should -BeNullOrEmpty
        Test-Path (Join-Path $TestDrive 'plan/.connectops/state.json') | Should -BeFalse
    }

    It '-OutFile writes the plan as a JSON plan file' {
        $file = Join-Path $TestDrive 'plan/saved.plan.json'
        $plan = Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint -OutFile $file
        Test-Path $file | Should -BeTrue
        $json = Get-Content $file -Raw | ConvertFrom-Json
        $json.FormatVersion | Should -Be 1
        $json.ConfigHash | Should -Be $plan.ConfigHash
        $json.ConfigPath | Should -Be $script:Config
        @($json.Changes).Count | Should -Be 7
    }

    It '-DetailedExitCode sets $LASTEXITCODE to 2 while there are changes and 0 after the apply' {
        $global:LASTEXITCODE = -1
        Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint -DetailedExitCode | Out-Null
        $LASTEXITCODE | Should -Be 2

        Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force | Out-Null

        $plan = Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint -DetailedExitCode
        $LASTEXITCODE | Should -Be 0
        $plan.IsEmpty | Should -BeTrue
        ($plan | Out-String) | Should -Match 'No changes\.'
    }

    It 'stops on an invalid config with ConnectOps.InvalidConfig and makes no AWS call' {
        $broken = Join-Path $TestDrive 'plan/broken.psd1'
        (Get-Content $script:Config -Raw) -replace "MaxContacts      = 100", "MaxContacts      = 'lots'" | Set-Content $broken
        Reset-EmulatorCalls $script:Endpoint
        $err = $null
        try { Invoke-ConnectPlan -ConfigPath $broken -EndpointUrl $script:Endpoint -ErrorAction SilentlyContinue | Out-Null }
        catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.InvalidConfig,*'
        (Get-EmulatorCalls $script:Endpoint).Count | Should -Be 0
    }

    It 'refuses a malformed -Target with ConnectOps.InvalidTarget' {
        { Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Target 'NoSuchComponent/x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.InvalidTarget*'
    }
}

Describe 'Invoke-ConnectApply' {
    It '-WhatIf changes nothing: no state file, no mutating API call, no result object' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'whatif') -Alias 'pester-whatif'
        Reset-EmulatorCalls $script:Endpoint

        # (The "What if:" lines with each change's diff go to the host, not the pipeline.)
        $result = Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:Endpoint -WhatIf

        $result | Should -BeNullOrEmpty
        Test-Path (Join-Path $TestDrive 'whatif/.connectops/state.json') | Should -BeFalse
        $calls = Get-EmulatorCalls $script:Endpoint
        $calls.Count | Should -BeGreaterThan 0 -Because 'the plan behind -WhatIf still reads'
        Get-WriteCalls $calls | Should -BeNullOrEmpty
    }

    It 'Invoke-ConnectPlan | Invoke-ConnectApply -Force applies the plan and saves every resource in state' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'pipe') -Alias 'pester-pipe'
        Reset-EmulatorCalls $script:Endpoint

        $result = Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint | Invoke-ConnectApply -EndpointUrl $script:Endpoint -Force

        $result.Summary | Should -Be 'Apply complete: 7 added, 0 changed, 0 destroyed, 0 imported.'
        $result.Failed | Should -Be 0
        ($result | Out-String) | Should -Match 'Succeeded\s+Create\s+Queues/Emergencies'
        $calls = Get-EmulatorCalls $script:Endpoint
        $calls['Connect.CreateInstance'] | Should -Be 1
        $calls['Connect.CreateQueue'] | Should -Be 2
        $calls['Connect.CreateHoursOfOperation'] | Should -Be 2
        Get-ConnectState -ConfigPath $config | ForEach-Object Address | Sort-Object | Should -Be $script:ExpectedAddresses
    }

    It '-Target applies the targeted resource and the creates it depends on, nothing else' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'target') -Alias 'pester-target'
        $result = Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:Endpoint -Target 'Queues/Emergencies' -Force
        $result.Failed | Should -Be 0
        $addresses = Get-ConnectState -ConfigPath $config | ForEach-Object Address
        $addresses | Should -Contain 'Queues/Emergencies'
        $addresses | Should -Contain 'HoursOfOperation/Always Open'
        $addresses | Should -Contain 'Instance'
        $addresses | Should -Not -Contain 'Queues/CustomerService'
        $addresses | Should -Not -Contain 'HoursOfOperation/UK Business Hours'
    }

    It 'applies a saved plan file once; applying it again is refused as stale (ConnectOps.PlanStale)' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'planfile') -Alias 'pester-planfile'
        $file = Join-Path $TestDrive 'planfile/tfplan.json'
        Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint -OutFile $file | Out-Null

        $first = Invoke-ConnectApply -PlanFile $file -EndpointUrl $script:Endpoint -Force -ErrorAction Stop
        $first.Summary | Should -Match '^Apply complete: 7 added'

        Reset-EmulatorCalls $script:Endpoint
        { Invoke-ConnectApply -PlanFile $file -EndpointUrl $script:Endpoint -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.PlanStale*'
        Get-WriteCalls (Get-EmulatorCalls $script:Endpoint) | Should -BeNullOrEmpty
    }

    It 'refuses a plan object applied a second time as stale, naming the moved state serial' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'twice') -Alias 'pester-twice'
        $plan = Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint
        ($plan | Invoke-ConnectApply -EndpointUrl $script:Endpoint -Force).Failed | Should -Be 0

        $err = $null
        try { $plan | Invoke-ConnectApply -EndpointUrl $script:Endpoint -Force -ErrorAction Stop | Out-Null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.PlanStale,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidOperation'
        "$err" | Should -Match 'Run Invoke-ConnectPlan again'
    }

    It 'refuses a saved plan whose config changed since (ConnectOps.PlanStale) and makes no change' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'edited') -Alias 'pester-edited'
        $plan = Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint
        (Get-Content $config -Raw) -replace 'MaxContacts      = 100', 'MaxContacts      = 120' | Set-Content $config
        Reset-EmulatorCalls $script:Endpoint
        { $plan | Invoke-ConnectApply -EndpointUrl $script:Endpoint -Force -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.PlanStale*'
        Get-WriteCalls (Get-EmulatorCalls $script:Endpoint) | Should -BeNullOrEmpty
        Test-Path (Join-Path $TestDrive 'edited/.connectops/state.json') | Should -BeFalse
    }
}

Describe 'Get-ConnectState, Get-ConnectOutput and Unlock-ConnectState after an apply' {
    BeforeAll {
        $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'applied') -Alias 'pester-applied'
        $script:Applied = Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force
        $script:LockFile = Join-Path $TestDrive 'applied/.connectops/state.lock'
    }

    It 'the apply succeeded (the scenario below depends on it)' {
        $script:Applied.Failed | Should -Be 0
        $script:Applied.Succeeded | Should -Be 7
    }

    It 'Get-ConnectState lists every address in state with its id and origin' {
        # (ForEach-Object, not $entries.Address: an array's own Address() method wins over member enumeration.)
        $entries = Get-ConnectState -ConfigPath $script:Config
        $entries | ForEach-Object Address | Sort-Object | Should -Be $script:ExpectedAddresses
        $entries | ForEach-Object { $_.Origin | Should -Be 'Config'; $_.Id | Should -Not -BeNullOrEmpty }
        ($entries | Out-String) | Should -Match 'Queues/CustomerService\s+[0-9a-f-]{36}\s+Config'
    }

    It 'Get-ConnectState with an address shows one resource in full, and wildcards select several' {
        $queue = Get-ConnectState -ConfigPath $script:Config -Address 'Queues/CustomerService'
        $queue | Should -HaveCount 1
        $queue.Component | Should -Be 'Queues'
        $queue.Key | Should -Be 'CustomerService'
        $queue.Arn | Should -Match "^arn:aws:connect:eu-west-2:\d{12}:instance/[0-9a-f-]{36}/queue/$($queue.Id)$"
        ($queue.Attributes | ConvertFrom-Json).MaxContacts | Should -Be 100
        $queue.DependsOn | Should -Contain 'HoursOfOperation/UK Business Hours'

        Get-ConnectState 'Queues/*' -ConfigPath $script:Config | ForEach-Object Address | Sort-Object | Should -Be @('Queues/CustomerService', 'Queues/Emergencies')
    }

    It 'Get-ConnectState reports an address that is not in state as ConnectOps.AddressNotInState' {
        Get-ConnectState -ConfigPath $script:Config -Address 'Queues/Nope' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.AddressNotInState,*'
    }

    It 'Get-ConnectOutput returns the instance id, ARN, alias and status, and the queue and hours ids' {
        $out = Get-ConnectOutput -ConfigPath $script:Config
        $instance = Get-ConnectState -ConfigPath $script:Config -Address 'Instance'
        $queue = Get-ConnectState -ConfigPath $script:Config -Address 'Queues/CustomerService'
        $out.instance_id | Should -Be $instance.Id
        $out.instance_arn | Should -Be $instance.Arn
        $out.instance_alias | Should -Be 'pester-applied'
        $out.instance_status | Should -Be 'ACTIVE'
        $out.queue_ids['CustomerService'] | Should -Be $queue.Id
        $out.queue_arns['CustomerService'] | Should -Be $queue.Arn
        @($out.hours_of_operation_ids.Keys) | Sort-Object | Should -Be @('Always Open', 'UK Business Hours')
        Get-ConnectOutput instance_id -ConfigPath $script:Config | Should -BeExactly $instance.Id
    }

    It 'Get-ConnectOutput names the outputs there are when asked for one that is not' {
        Get-ConnectOutput -Name nope -ConfigPath $script:Config -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ConnectOps.OutputNotFound,*'
        "$($errors[0])" | Should -Match 'instance_id'
    }

    Context 'a lock left behind by a run that died' {
        BeforeAll {
            # The lock file as LocalStateStore writes it (LockInfo JSON), from another user's run.
            $script:LockId = [guid]::NewGuid().ToString()
            @{ Id = $script:LockId; Who = 'alice@build-agent-7'; Operation = 'apply'; Created = '2026-01-05T10:00:00+00:00'; Version = '0.1.0' } |
                ConvertTo-Json | Set-Content $script:LockFile
        }

        It 'makes Invoke-ConnectApply fail at once with ConnectOps.StateLocked naming the holder, with no change made' {
            Reset-EmulatorCalls $script:Endpoint
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $err = $null
            try { Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force -ErrorAction Stop | Out-Null } catch { $err = $_ }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.StateLocked,*'
            $err.CategoryInfo.Category | Should -Be 'ResourceBusy'
            "$err" | Should -Match 'alice@build-agent-7'
            "$err" | Should -Match ([regex]::Escape("Unlock-ConnectState -LockId $($script:LockId)"))
            Get-WriteCalls (Get-EmulatorCalls $script:Endpoint) | Should -BeNullOrEmpty
        }

        It 'Unlock-ConnectState with another lock id is refused and the lock stays' {
            { Unlock-ConnectState -ConfigPath $script:Config -LockId ([guid]::NewGuid()) -Force -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'ConnectOps.StateUnlockRefused*'
            Test-Path $script:LockFile | Should -BeTrue
        }

        It 'Unlock-ConnectState -LockId (the holder''s id) -Force removes the lock without a prompt, and the next apply runs' {
            Unlock-ConnectState -ConfigPath $script:Config -LockId $script:LockId -Force -ErrorAction Stop
            Test-Path $script:LockFile | Should -BeFalse
            $result = Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force
            $result.Failed | Should -Be 0
        }
    }
}

Describe 'Tab completion of -Component and -Target' {
    BeforeAll {
        $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'complete')
        function script:Complete([string] $line) {
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        }
    }

    It '-Target completes the addresses the config declares' {
        Complete "Invoke-ConnectPlan -ConfigPath '$script:Config' -Target Qu" | Should -Be @('Queues/CustomerService', 'Queues/Emergencies')
        Complete "Invoke-ConnectApply -ConfigPath '$script:Config' -Target Hours" |
            Should -Be @("'HoursOfOperation/UK Business Hours'", "'HoursOfOperation/Always Open'")
    }

    It '-Component completes component names' {
        Complete "Invoke-ConnectPlan -ConfigPath '$script:Config' -Component Ho" | Should -Be @('HoursOfOperation')
        Complete 'Invoke-ConnectApply -Component Qu' | Should -Contain 'Queues'
    }

    It '-Target completes from ./connectops.psd1 in the current PowerShell location' {
        Push-Location (Split-Path $script:Config)
        try {
            Complete 'Invoke-ConnectPlan -Target Queues/C' | Should -Be @('Queues/CustomerService')
            Complete 'Invoke-ConnectPlan -ConfigPath ./connectops.psd1 -Target Queues/E' | Should -Be @('Queues/Emergencies')
        }
        finally { Pop-Location }
    }
}

Describe 'Progress in a non-interactive run' {
    It 'an apply with progress on, output redirected, completes and prints only its result' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'progress') -Alias 'pester-progress'
        $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'Continue'
Import-Module '$(Get-TestModulePath)'
`$r = Invoke-ConnectApply -ConfigPath '$config' -EndpointUrl '$script:Endpoint' -Force
`$r.Summary
exit `$r.Failed
"@
        $run = Invoke-ChildPwsh -Script $script -Environment @{ AWS_ACCESS_KEY_ID = 'AKIAEXAMPLETEST'; AWS_SECRET_ACCESS_KEY = 'x' }
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Output | Where-Object { $_ -match '\S' } | Should -Be @('Apply complete: 7 added, 0 changed, 0 destroyed, 0 imported.')
    }
}
