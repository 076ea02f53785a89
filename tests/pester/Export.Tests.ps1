# Export-ConnectConfig as a user runs it, against the emulator: an applied copy of examples/basic-instance is
# exported to a folder (by id, by alias, from the config's state), the files load and plan empty with -WithState,
# -WhatIf writes nothing, a clone applies to a second instance, and bad input fails with its error id before any
# AWS call.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint
    $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'source') -Alias 'export-pester'
    Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force -ErrorAction Stop | Out-Null
    $script:InstanceId = (Get-Content (Join-Path (Split-Path $script:Config) '.connectops/state.json') -Raw | ConvertFrom-Json).Instance.Id
    $script:Common = @{ EndpointUrl = $script:Endpoint; Region = 'eu-west-2' }
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Export-ConnectConfig' {
    It 'writes connectops.psd1 with keys from names, leaves the defaults out, and returns a summary' {
        $out = Join-Path $TestDrive 'by-id'
        $summary = Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $out @script:Common

        # The engine loads in the module's own AssemblyLoadContext: its types are checked by name.
        $summary.GetType().FullName | Should -Be 'ConnectOps.Engine.Export.ExportSummary'
        $summary.InstanceAlias | Should -Be 'export-pester'
        $summary.Files[0] | Should -Be (Join-Path $out 'connectops.psd1')
        $summary.Counts['Queues'] | Should -Be 2
        $summary.SkippedDefaults | Should -Contain 'Queues/BasicQueue'
        ($summary | Out-String) | Should -Match 'Resources\s*:\s*\d+: Instance 1, HoursOfOperation 2, .*Queues 2'
        $text = Get-Content (Join-Path $out 'connectops.psd1') -Raw
        $text | Should -Match "Id\s+= '$($script:InstanceId)'"
        $text | Should -Match "Name\s+= 'CustomerService'"
        $text | Should -Not -Match "'BasicQueue'"
        Test-ConnectConfig -ConfigPath (Join-Path $out 'connectops.psd1') | Should -BeTrue
    }

    It 'with -WithState, from the config''s own state, plans nothing against the source instance' {
        $out = Join-Path $TestDrive 'with-state'
        $summary = Export-ConnectConfig -ConfigPath $script:Config -OutputPath $out -WithState -EndpointUrl $script:Endpoint
        $summary.StateFile | Should -Be (Join-Path $out '.connectops/state.json')
        $plan = Invoke-ConnectPlan -ConfigPath (Join-Path $out 'connectops.psd1') -EndpointUrl $script:Endpoint
        $plan.IsEmpty | Should -BeTrue
    }

    It 'makes only read calls' {
        Reset-EmulatorCalls -Endpoint $script:Endpoint
        Export-ConnectConfig -InstanceAlias 'export-pester' -OutputPath (Join-Path $TestDrive 'reads') @script:Common | Out-Null
        $calls = Get-EmulatorCalls -Endpoint $script:Endpoint
        Get-WriteCalls $calls | Should -BeNullOrEmpty
        $calls['Connect.SearchQueues'] | Should -Be 1
        $calls.Keys | Should -Not -Contain 'Connect.DescribeQueue'
    }

    It '-WhatIf reads but writes nothing' {
        $out = Join-Path $TestDrive 'what-if'
        Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $out -WhatIf @script:Common | Should -BeNullOrEmpty
        Test-Path $out | Should -BeFalse
    }

    It 'exports -ForClone that applies to a second instance, which exports the same' {
        $out = Join-Path $TestDrive 'clone'
        Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $out -ForClone @script:Common -WarningAction SilentlyContinue | Out-Null
        $config = Join-Path $out 'connectops.psd1'
        (Get-Content $config -Raw) | Should -Not -Match "Id\s+= '"
        (Get-Content $config -Raw) -replace "Alias(\s*)= 'export-pester'", "Alias`$1= 'export-pester-clone'" | Set-Content $config -NoNewline
        Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:Endpoint -Force -ErrorAction Stop | Out-Null
        (Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint).IsEmpty | Should -BeTrue

        $again = Join-Path $TestDrive 'clone-export'
        Export-ConnectConfig -InstanceAlias 'export-pester-clone' -OutputPath $again -ForClone @script:Common -WarningAction SilentlyContinue | Out-Null
        $first = (Get-Content (Join-Path $out 'connectops.psd1') -Raw) -replace 'export-pester-clone', 'export-pester' -replace '(?m)^#.*\n', ''
        $second = (Get-Content (Join-Path $again 'connectops.psd1') -Raw) -replace 'export-pester-clone', 'export-pester' -replace '(?m)^#.*\n', ''
        $second | Should -BeExactly $first
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'an unknown instance id'; ErrorId = 'ConnectOps.InstanceNotFound'; Arguments = @{ InstanceId = '00000000-0000-0000-0000-000000000000' } }
        @{ Case = 'a malformed instance id'; ErrorId = 'ConnectOps.InvalidInstanceId'; Arguments = @{ InstanceId = 'prod' } }
        @{ Case = 'an unknown alias'; ErrorId = 'ConnectOps.InstanceNotFound'; Arguments = @{ InstanceAlias = 'no-such-instance' } }
    ) {
        $out = Join-Path $TestDrive "bad-$($ErrorId)"
        { Export-ConnectConfig @Arguments -OutputPath $out @script:Common -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,ConnectOps.Commands.ExportConnectConfigCommand"
        Test-Path $out | Should -BeFalse
    }

    It 'refuses an output path that is a file, and a folder with content unless -Force, before any AWS call' {
        $file = Join-Path $TestDrive 'a-file.txt'
        Set-Content $file 'x'
        Reset-EmulatorCalls -Endpoint $script:Endpoint
        { Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $file @script:Common -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.OutputPathIsFile,ConnectOps.Commands.ExportConnectConfigCommand'
        $busy = Join-Path $TestDrive 'busy'
        New-Item -ItemType Directory $busy | Out-Null
        Set-Content (Join-Path $busy 'notes.txt') 'keep me'
        { Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $busy @script:Common -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.OutputPathNotEmpty,ConnectOps.Commands.ExportConnectConfigCommand'
        (Get-EmulatorCalls -Endpoint $script:Endpoint).Keys | Where-Object { $_ -like 'Connect.*' } | Should -BeNullOrEmpty

        Export-ConnectConfig -InstanceId $script:InstanceId -OutputPath $busy -Force @script:Common | Out-Null
        Test-Path (Join-Path $busy 'connectops.psd1') | Should -BeTrue
        Get-Content (Join-Path $busy 'notes.txt') | Should -Be 'keep me'
    }

    It 'refuses an unknown component name, naming the parameter' {
        { Export-ConnectConfig -InstanceId $script:InstanceId -Component Nope -OutputPath (Join-Path $TestDrive 'comp') @script:Common -ErrorAction Stop } |
            Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,ConnectOps.Commands.ExportConnectConfigCommand'
    }
}
