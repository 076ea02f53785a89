# The state cmdlets as a user drives them (issue 5): Terraform's state workflows on local state against the
# emulator, and the S3 backend (locking, history, rollback, recovery) against moto_server, started here on
# a free 127.0.0.1 port and stopped after. Without moto the S3 scenarios are skipped with the reason, except
# under CI=true, where they fail.

BeforeDiscovery {
    $script:MotoMissing = $null
    & python3 -c 'import moto.server, boto3' 2>$null
    if ($LASTEXITCODE -ne 0) { $script:MotoMissing = 'moto[server] is not installed for python3 (pip install "moto[server]")' }
    $script:SkipS3 = [bool]$script:MotoMissing -and $env:CI -ne 'true'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint

    # A Connect call the way another tool would make it (the emulator checks the signature's shape only).
    function Invoke-Connect([string] $Method, [string] $Path, [hashtable] $Body = @{}) {
        $headers = @{ Authorization = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLETEST/20260101/eu-west-2/connect/aws4_request, SignedHeaders=host, Signature=0' }
        if ($Method -eq 'POST') { Invoke-RestMethod -Method $Method -Uri "$script:Endpoint$Path" -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json' -Headers $headers }
        else { Invoke-RestMethod -Method $Method -Uri "$script:Endpoint$Path" -Headers $headers }
    }

    function New-AppliedExample([string] $Name) {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive $Name) -Alias "state-$Name"
        Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:Endpoint -Force | Out-Null
        $config
    }

    # moto_server for the S3 scenarios, when python3 has it.
    $script:Moto = $null
    & python3 -c 'import moto.server, boto3' 2>$null
    if ($LASTEXITCODE -eq 0) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $script:Moto = Start-Process -FilePath python3 -ArgumentList @('-m', 'moto.server', '-H', '127.0.0.1', '-p', "$port") -PassThru `
            -RedirectStandardOutput (Join-Path $TestDrive 'moto.out') -RedirectStandardError (Join-Path $TestDrive 'moto.err')
        $script:MotoEndpoint = "http://127.0.0.1:$port"
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($true) {
            try { Invoke-WebRequest "$script:MotoEndpoint/moto-api/" -TimeoutSec 2 | Out-Null; break }
            catch { if ([DateTime]::UtcNow -gt $deadline -or $script:Moto.HasExited) { throw "moto_server did not start on $script:MotoEndpoint" }; Start-Sleep -Milliseconds 200 }
        }
    }

    # What an operator would do with the AWS CLI, through boto3: make buckets, look at objects, break things.
    function Invoke-S3([string] $Python) {
        $env:MOTO_ENDPOINT = $script:MotoEndpoint
        $prelude = "import boto3, os, json, sys`ns3 = boto3.client('s3', endpoint_url=os.environ['MOTO_ENDPOINT'], region_name='eu-west-2', aws_access_key_id='a', aws_secret_access_key='b')`n"
        $out = & python3 -c ($prelude + $Python) 2>&1
        if ($LASTEXITCODE -ne 0) { throw "boto3 failed: $out" }
        $out
    }

    function New-StateBucket([switch] $Unversioned) {
        $bucket = 'state-' + [guid]::NewGuid().ToString('n').Substring(0, 20)
        Invoke-S3 "s3.create_bucket(Bucket='$bucket', CreateBucketConfiguration={'LocationConstraint': 'eu-west-2'})" | Out-Null
        if (-not $Unversioned) { Invoke-S3 "s3.put_bucket_versioning(Bucket='$bucket', VersioningConfiguration={'Status': 'Enabled'})" | Out-Null }
        $bucket
    }

    # Points a config's State at S3.
    function Set-S3State([string] $Config, [string] $Bucket, [string] $Key = 'prod/connect.json') {
        $text = (Get-Content $Config -Raw) -replace "State\s*=\s*@\{[^}]*\}", "State = @{ Backend = 'S3'; Bucket = '$Bucket'; Key = '$Key'; Endpoint = '$script:MotoEndpoint' }"
        Set-Content -Path $Config -Value $text -NoNewline
    }
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    if ($script:Moto -and -not $script:Moto.HasExited) { Stop-Process -Id $script:Moto.Id -Force }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ConnectState, Move-ConnectStateResource and Remove-ConnectStateResource (state list/show/mv/rm)' {
    BeforeAll {
        $script:Config = New-AppliedExample 'edit'
    }

    It 'filters by -Component and -Origin' {
        Get-ConnectState -ConfigPath $script:Config -Component Queues | ForEach-Object Address | Should -Be @('Queues/CustomerService', 'Queues/Emergencies')
        @(Get-ConnectState -ConfigPath $script:Config -Origin Config).Count | Should -Be 7
        @(Get-ConnectState -ConfigPath $script:Config -Origin Import) | Should -HaveCount 0
    }

    It 'Move-ConnectStateResource -WhatIf moves nothing; without it the address is renamed' {
        Move-ConnectStateResource Queues/Emergencies Queues/Urgent -ConfigPath $script:Config -WhatIf
        (Get-ConnectState Queues/Emergencies -ConfigPath $script:Config).Address | Should -Be 'Queues/Emergencies'

        $moved = Move-ConnectStateResource Queues/Emergencies Queues/Urgent -ConfigPath $script:Config

        $moved.Address | Should -Be 'Queues/Urgent'
        (Get-ConnectState Queues/Urgent -ConfigPath $script:Config).Id | Should -Be $moved.Id
        Move-ConnectStateResource Queues/Urgent Queues/Emergencies -ConfigPath $script:Config | Out-Null
    }

    It 'refuses a missing source and an existing destination with stable ids, writing nothing' {
        $serial = (Get-ConnectStateHistory -ConfigPath $script:Config -First 1).Serial
        { Move-ConnectStateResource Queues/Nope Queues/Other -ConfigPath $script:Config -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.AddressNotInState,ConnectOps.Commands.MoveConnectStateResourceCommand'
        $err = { Move-ConnectStateResource Queues/Emergencies Queues/CustomerService -ConfigPath $script:Config -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.AddressInState,ConnectOps.Commands.MoveConnectStateResourceCommand' -PassThru
        $err.ErrorDetails.Message | Should -Match 'Remove-ConnectStateResource'
        (Get-ConnectStateHistory -ConfigPath $script:Config -First 1).Serial | Should -Be $serial
    }

    It 'Remove-ConnectStateResource forgets without deleting in AWS, and Import-ConnectResource -Id brings it back' {
        $entry = Get-ConnectState Queues/Emergencies -ConfigPath $script:Config
        Remove-ConnectStateResource Queues/Emergencies -ConfigPath $script:Config -WhatIf
        Get-ConnectState Queues/Emergencies -ConfigPath $script:Config | Should -Not -BeNullOrEmpty

        $removed = Remove-ConnectStateResource Queues/Emergencies -ConfigPath $script:Config -Confirm:$false

        $removed.Address | Should -Be 'Queues/Emergencies'
        Get-ConnectState -ConfigPath $script:Config -Component Queues | ForEach-Object Address | Should -Not -Contain 'Queues/Emergencies'
        $instance = (Get-ConnectState Instance -ConfigPath $script:Config).Id
        (Invoke-Connect GET "/queues/$instance/$($entry.Id)").Queue.Name | Should -Be 'Emergencies'

        $imported = Import-ConnectResource -Address Queues/Emergencies -Id $entry.Id -ConfigPath $script:Config -EndpointUrl $script:Endpoint

        $imported.Id | Should -Be $entry.Id
        (Get-ConnectState Queues/Emergencies -ConfigPath $script:Config).Origin | Should -Be 'Import'
        (Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint).IsEmpty | Should -BeTrue
    }

    It 'Import-ConnectResource reports an unknown id with ConnectOps.ImportNotFound' {
        { Import-ConnectResource -Address Queues/Ghost -Id 'no-such-queue' -ConfigPath $script:Config -EndpointUrl $script:Endpoint -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.ImportNotFound,ConnectOps.Commands.ImportConnectResourceCommand'
    }
}

Describe 'Import-ConnectResource -All after the state was lost' {
    It 'adopts every config resource that exists and the next plan is empty' {
        $config = New-AppliedExample 'lost'
        $before = Get-ConnectState -ConfigPath $config
        Remove-Item (Join-Path (Split-Path $config) '.connectops') -Recurse -Force

        $imported = Import-ConnectResource -All -ConfigPath $config -EndpointUrl $script:Endpoint

        @($imported).Count | Should -Be $before.Count
        $after = Get-ConnectState -ConfigPath $config
        ($after | ForEach-Object { "$($_.Address)=$($_.Id)" }) | Should -Be ($before | ForEach-Object { "$($_.Address)=$($_.Id)" })
        (Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint).IsEmpty | Should -BeTrue
    }
}

Describe 'Drift: Test-ConnectDrift, Invoke-ConnectPlan -RefreshOnly and Sync-ConnectState' {
    BeforeAll {
        $script:Config = New-AppliedExample 'drift'
        $script:Instance = (Get-ConnectState Instance -ConfigPath $script:Config).Id
        $script:Queue = (Get-ConnectState Queues/CustomerService -ConfigPath $script:Config).Id
    }

    It 'is $false right after an apply' {
        Test-ConnectDrift -ConfigPath $script:Config -EndpointUrl $script:Endpoint | Should -BeExactly $false
    }

    It 'sees a change made outside ConnectOps, and -RefreshOnly shows it without writing' {
        Invoke-Connect POST "/queues/$script:Instance/$script:Queue/max-contacts" @{ MaxContacts = 42 } | Out-Null
        $serial = (Get-ConnectStateHistory -ConfigPath $script:Config -First 1).Serial

        Test-ConnectDrift -ConfigPath $script:Config -EndpointUrl $script:Endpoint -DetailedExitCode | Should -BeExactly $true
        $LASTEXITCODE | Should -Be 2
        $report = Invoke-ConnectPlan -RefreshOnly -ConfigPath $script:Config -EndpointUrl $script:Endpoint

        $report.HasDrift | Should -BeTrue
        $changed = $report.OutsideChanges | Where-Object Status -eq 'Changed'
        "$($changed.Address)" | Should -Be 'Queues/CustomerService'
        ($report | Out-String) | Should -Match 'MaxContacts: 100 -> 42'
        (Get-ConnectStateHistory -ConfigPath $script:Config -First 1).Serial | Should -Be $serial
    }

    It 'Sync-ConnectState -WhatIf writes nothing; Sync-ConnectState takes the live value into state' {
        Sync-ConnectState -ConfigPath $script:Config -EndpointUrl $script:Endpoint -WhatIf
        (Get-ConnectState Queues/CustomerService -ConfigPath $script:Config).Attributes | ConvertFrom-Json | ForEach-Object MaxContacts | Should -Be 100

        $synced = Sync-ConnectState -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Confirm:$false

        "$($synced.Address)" | Should -Be 'Queues/CustomerService'
        (Get-ConnectState Queues/CustomerService -ConfigPath $script:Config).Attributes | ConvertFrom-Json | ForEach-Object MaxContacts | Should -Be 42
        (Invoke-ConnectPlan -RefreshOnly -ConfigPath $script:Config -EndpointUrl $script:Endpoint).HasDrift | Should -BeFalse
        # The config still says 100: that is drift until the next apply.
        Test-ConnectDrift -ConfigPath $script:Config -EndpointUrl $script:Endpoint | Should -BeExactly $true
        Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force | Out-Null
        Test-ConnectDrift -ConfigPath $script:Config -EndpointUrl $script:Endpoint | Should -BeExactly $false
    }

    It 'drops an entry whose resource was deleted outside, with a warning' {
        $emergencies = (Get-ConnectState Queues/Emergencies -ConfigPath $script:Config).Id
        Invoke-Connect DELETE "/queues/$script:Instance/$emergencies" | Out-Null

        Sync-ConnectState -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        "$warnings" | Should -Match 'Queues/Emergencies .*no longer exists'
        Get-ConnectState -ConfigPath $script:Config -Component Queues | ForEach-Object Address | Should -Not -Contain 'Queues/Emergencies'
    }
}

Describe 'History and rollback on local state' {
    It 'lists numbered versions and restores one as a new serial' {
        $config = New-AppliedExample 'history'
        Remove-ConnectStateResource 'Queues/*' -ConfigPath $config -Force | Out-Null
        $history = @(Get-ConnectStateHistory -ConfigPath $config)
        $history[0].Operation | Should -Be 'state rm'
        $history[0].IsLatest | Should -BeTrue
        $before = $history[1].Serial

        Restore-ConnectState -Version $before -ConfigPath $config -WhatIf
        @(Get-ConnectState -ConfigPath $config -Component Queues) | Should -HaveCount 0
        $restored = Restore-ConnectState -Version $before -ConfigPath $config -Confirm:$false

        $restored.Serial | Should -Be ($history[0].Serial + 1)
        @(Get-ConnectState -ConfigPath $config -Component Queues) | Should -HaveCount 2
        (Get-ConnectStateHistory -ConfigPath $config -First 1).Operation | Should -Be 'state restore'
    }

    It 'Export-ConnectState and Import-ConnectState refuse an older file unless -Force, which warns' {
        $config = New-AppliedExample 'pushpull'
        $file = Join-Path $TestDrive 'pulled.json'
        Export-ConnectState -Path $file -ConfigPath $config | Should -BeOfType System.IO.FileInfo
        (Get-Content $file -Raw | ConvertFrom-Json).Serial | Should -BeGreaterThan 0
        { Export-ConnectState -Path $file -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.FileExists,ConnectOps.Commands.ExportConnectStateCommand'
        Remove-ConnectStateResource Queues/Emergencies -ConfigPath $config -Force | Out-Null

        { Import-ConnectState -Path $file -ConfigPath $config -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.StateSerialBehind,ConnectOps.Commands.ImportConnectStateCommand'
        Import-ConnectState -Path $file -ConfigPath $config -Force -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        "$warnings" | Should -Match '-Force'
        Get-ConnectState Queues/Emergencies -ConfigPath $config | Should -Not -BeNullOrEmpty
    }
}

Describe 'State in S3' -Skip:$script:SkipS3 {
    BeforeAll {
        if (-not $script:Moto) { throw "moto is required here: $script:MotoMissing" }
    }

    It 'Move-ConnectState -To S3 migrates local state under lock; the config then reads it from S3' {
        $config = New-AppliedExample 's3-migrate'
        $local = Get-ConnectState -ConfigPath $config
        $bucket = New-StateBucket

        $result = Move-ConnectState -To S3 -Bucket $bucket -Key 'prod/connect.json' -StateEndpoint $script:MotoEndpoint -ConfigPath $config -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

        $result.To | Should -Be "s3://$bucket/prod/connect.json"
        "$warnings" | Should -Match "Backend = 'S3'; Bucket = '$bucket'"
        Set-S3State $config $bucket
        $remote = Get-ConnectState -ConfigPath $config
        ($remote | ForEach-Object { "$($_.Address)=$($_.Id)" }) | Should -Be ($local | ForEach-Object { "$($_.Address)=$($_.Id)" })
        (Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint).IsEmpty | Should -BeTrue
        Invoke-S3 "print(s3.head_object(Bucket='$bucket', Key='prod/connect.json')['ServerSideEncryption'])" | Should -Be 'AES256'
        $script:S3Config = $config
        $script:S3Bucket = $bucket
    }

    It 'a missing bucket is ConnectOps.StateBucketNotFound (ObjectNotFound) naming the bucket' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 's3-nobucket') -Alias 'state-s3-nobucket'
        Set-S3State $config 'no-such-connectops-bucket'

        $err = { Get-ConnectState -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.StateBucketNotFound,ConnectOps.Commands.GetConnectStateCommand' -PassThru

        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.ErrorDetails.Message | Should -Match 'no-such-connectops-bucket'
    }

    It 'warns when the bucket has versioning off' {
        $config = Copy-ConnectExample -Destination (Join-Path $TestDrive 's3-unversioned') -Alias 'state-s3-unversioned'
        Set-S3State $config (New-StateBucket -Unversioned)

        Get-ConnectState -ConfigPath $config -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        "$warnings" | Should -Match 'Versioning is off'
    }

    It 'a held lock fails at once with the holder, -LockTimeout waits, and Unlock-ConnectState needs the right id' {
        $config = $script:S3Config
        $record = @{ ID = 'stale-lock-1'; Operation = 'apply'; Info = ''; Who = 'ci@runner-7'; Version = '0.1.0'; Created = '2026-01-01T00:00:00Z'; Path = "$script:S3Bucket/prod/connect.json" } | ConvertTo-Json -Compress
        Invoke-S3 "s3.put_object(Bucket='$script:S3Bucket', Key='prod/connect.json.lock', Body='''$record''')" | Out-Null

        $err = { Invoke-ConnectApply -ConfigPath $config -EndpointUrl $script:Endpoint -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.StateLocked,ConnectOps.Commands.InvokeConnectApplyCommand' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ResourceBusy'
        $err.ErrorDetails.Message | Should -Match 'ci@runner-7'
        $err.ErrorDetails.Message | Should -Match 'Unlock-ConnectState -LockId stale-lock-1'
        (Get-ConnectState -Lock -ConfigPath $config).Id | Should -Be 'stale-lock-1'

        $watch = [Diagnostics.Stopwatch]::StartNew()
        { Remove-ConnectStateResource Queues/Emergencies -ConfigPath $config -Force -LockTimeout 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.StateLocked,ConnectOps.Commands.RemoveConnectStateResourceCommand'
        $watch.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.9

        { Unlock-ConnectState -LockId 'wrong-id' -ConfigPath $config -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.StateUnlockRefused,ConnectOps.Commands.UnlockConnectStateCommand'
        Unlock-ConnectState -LockId 'stale-lock-1' -ConfigPath $config -Force

        Get-ConnectState -Lock -ConfigPath $config | Should -BeNullOrEmpty
        Move-ConnectStateResource Queues/Emergencies Queues/Urgent -ConfigPath $config | Should -Not -BeNullOrEmpty
    }

    It 'Get-ConnectStateHistory lists S3 versions with who and operation; Restore-ConnectState rolls back as a new version' {
        $config = $script:S3Config
        $history = @(Get-ConnectStateHistory -ConfigPath $config)
        $history[0].Operation | Should -Be 'state mv'
        $history[0].Who | Should -Not -BeNullOrEmpty
        $history[1].Operation | Should -Be 'state migrate'

        $restored = Restore-ConnectState -Version $history[1].VersionId -ConfigPath $config -Confirm:$false

        $restored.Serial | Should -Be ($history[0].Serial + 1)
        Get-ConnectState Queues/Emergencies -ConfigPath $config | Should -Not -BeNullOrEmpty
        @(Get-ConnectStateHistory -ConfigPath $config).Count | Should -Be ($history.Count + 1)
    }

    It 'a truncated state object is ConnectOps.StateCorrupt naming the recovery, and Restore-ConnectState recovers it' {
        $config = $script:S3Config
        $good = (Get-ConnectStateHistory -ConfigPath $config -First 1).Serial
        Invoke-S3 "s3.put_object(Bucket='$script:S3Bucket', Key='prod/connect.json', Body=b'{ `"FormatVersion`": 1, `"Lin')" | Out-Null

        $err = { Get-ConnectState -ConfigPath $config -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectOps.StateCorrupt,ConnectOps.Commands.GetConnectStateCommand' -PassThru
        $err.ErrorDetails.Message | Should -Match 'Restore-ConnectState -Version'

        Restore-ConnectState -Version $good -ConfigPath $config -Confirm:$false | Out-Null

        @(Get-ConnectState -ConfigPath $config).Count | Should -Be 7
        (Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $script:Endpoint).IsEmpty | Should -BeTrue
    }

    It 'a deleted state object is restored from its history' {
        $config = $script:S3Config
        Invoke-S3 "s3.delete_object(Bucket='$script:S3Bucket', Key='prod/connect.json')" | Out-Null
        Get-ConnectState -ConfigPath $config | Should -BeNullOrEmpty
        $last = Get-ConnectStateHistory -ConfigPath $config | Where-Object { -not $_.IsDeleteMarker } | Select-Object -First 1

        Restore-ConnectState -Version $last.VersionId -ConfigPath $config -Confirm:$false | Out-Null

        @(Get-ConnectState -ConfigPath $config).Count | Should -Be 7
    }
}
