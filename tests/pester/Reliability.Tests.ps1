#requires -Modules Pester
# Reliability of apply: a process killed with SIGKILL at several points, then run again, leaves no
# twins, state that matches the emulator, and a second run that converges to an empty plan.

BeforeAll {
    $ErrorActionPreference = 'Stop'
    Import-Module $env:CONNECTOPS_MODULE_PATH -Force
    $script:emulator = Start-ConnectEmulator -LatencyMs 40 -ResourceQuotas off
    $env:AWS_ACCESS_KEY_ID = 'AKIDTEST'
    $env:AWS_SECRET_ACCESS_KEY = 'test-secret'
    $env:AWS_CONFIG_FILE = '/nonexistent/aws-config'
    $env:AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials'

    function New-KillConfig([string] $Folder, [string] $Alias) {
        New-Item -ItemType Directory -Path $Folder -Force | Out-Null
        $queues = (1..8 | ForEach-Object { "        @{ Name = 'Queue$_'; HoursOfOperation = 'Hours$($_ % 3)'; MaxContacts = $_ }" }) -join "`n"
        $hours = (0..2 | ForEach-Object { "        @{ Name = 'Hours$_'; TimeZone = 'UTC'; Config = @( @{ Day = 'MONDAY'; Start = '0$($_):00'; End = '17:00' } ) }" }) -join "`n"
        Set-Content -Path (Join-Path $Folder 'connectops.psd1') -Value @"
@{
    Region = 'eu-west-2'
    Instance = @{ Alias = '$Alias'; IdentityManagementType = 'CONNECT_MANAGED'; InboundCallsEnabled = `$true; OutboundCallsEnabled = `$true }
    HoursOfOperation = @(
$hours
    )
    Queues = @(
$queues
    )
}
"@
        Join-Path $Folder 'connectops.psd1'
    }

    function Get-EmulatorQueues([string] $InstanceId) {
        $body = @{ InstanceId = $InstanceId; MaxResults = 500; SearchCriteria = @{ QueueTypeCondition = 'STANDARD' } } | ConvertTo-Json -Depth 5
        $headers = @{ Authorization = 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/eu-west-2/connect/aws4_request, SignedHeaders=host, Signature=0' }
        (Invoke-RestMethod -Method Post -Uri "$($script:emulator.Endpoint)/search-queues" -Body $body -ContentType 'application/json' -Headers $headers).Queues
    }
}

AfterAll {
    $script:emulator | Stop-ConnectEmulator
}

Describe 'Apply killed with SIGKILL' {
    It 'converges with no twins after being killed <AfterMs> ms into the apply' -TestCases @(
        @{ AfterMs = 700 }, @{ AfterMs = 1500 }, @{ AfterMs = 2500 }
    ) {
        param($AfterMs)
        $folder = Join-Path $TestDrive "kill-$AfterMs"
        $config = New-KillConfig -Folder $folder -Alias "kill-$AfterMs"
        $script = "`$ErrorActionPreference='Stop'; Import-Module '$env:CONNECTOPS_MODULE_PATH'; Invoke-ConnectApply -ConfigPath '$config' -EndpointUrl '$($script:emulator.Endpoint)' -Force | Out-Null"
        $dotnet = (Get-Command dotnet).Source
        $pwsh = Start-Process -FilePath $dotnet -ArgumentList @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $script) -PassThru -RedirectStandardOutput (Join-Path $TestDrive "out-$AfterMs.txt") -RedirectStandardError (Join-Path $TestDrive "err-$AfterMs.txt")
        Start-Sleep -Milliseconds $AfterMs
        if (-not $pwsh.HasExited) { Stop-Process -Id $pwsh.Id -Force }   # SIGKILL on Linux
        $pwsh.WaitForExit()

        # A killed run leaves its lock behind: the documented recovery is Unlock-ConnectState with its id.
        $lockFile = Join-Path $folder '.connectops/state.lock'
        if (Test-Path $lockFile) {
            $lockId = (Get-Content $lockFile -Raw | ConvertFrom-Json).Id
            { Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:emulator.Endpoint -Force } | Should -Throw -ErrorId 'ConnectOps.StateLocked*'
            Unlock-ConnectState -ConfigPath $config -LockId $lockId -Force
        }

        $result = Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:emulator.Endpoint -Force
        $result.Failed | Should -Be 0
        $plan = Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:emulator.Endpoint
        $plan.IsEmpty | Should -BeTrue

        $state = Get-ConnectState -ConfigPath $config
        $instanceId = (Get-ConnectOutput -ConfigPath $config -Name instance_id)
        $live = Get-EmulatorQueues -InstanceId $instanceId | Where-Object Name -ne 'BasicQueue'
        @($live).Count | Should -Be 8
        @($live.Name | Select-Object -Unique).Count | Should -Be 8
        foreach ($q in $live) {
            ($state | Where-Object Address -eq "Queues/$($q.Name)").Id | Should -Be $q.QueueId
        }
    }
}
