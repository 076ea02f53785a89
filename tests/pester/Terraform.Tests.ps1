# Import-ConnectTerraformState as a user migrating from the Terraform module drives it (issue 7): a contact
# centre is applied to the emulator, the terraform.tfstate the provider would hold for it is written from what
# was made, and the migrated config plans empty without a single write call; bad input is a clear error and
# leaves nothing behind.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint
    $script:Fixtures = Join-Path $script:RepoRoot 'tests/ConnectOps.Engine.Tests/Migration/Fixtures'

    # One resource instance in Terraform's layout.
    function New-TfResource([string] $Type, [string] $Name, [hashtable] $Attributes, $Key = $null, [string] $Mode = 'managed') {
        $instance = [ordered]@{}
        if ($null -ne $Key) { $instance.index_key = $Key }
        $instance.schema_version = 0
        $instance.attributes = $Attributes
        $instance.sensitive_attributes = @()
        [ordered]@{ mode = $Mode; type = $Type; name = $Name; provider = 'provider["registry.terraform.io/hashicorp/aws"]'; instances = @($instance) }
    }

    # What terraform-provider-aws records for the applied basic example: composite ids, blocks as lists.
    function New-ProviderState([string] $StatePath, [string] $Alias) {
        $state = Get-Content $StatePath -Raw | ConvertFrom-Json -AsHashtable
        $i = $state.Instance
        $r = $state.Resources
        $tags = @{ ManagedBy = 'connectops' }
        function Day([string] $Day, [int] $From, [int] $To, [int] $ToMinutes) {
            @{ day = $Day; start_time = @(@{ hours = $From; minutes = 0 }); end_time = @(@{ hours = $To; minutes = $ToMinutes }) }
        }
        $weekdays = 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'
        $resources = @(
            New-TfResource aws_connect_instance this @{ id = $i.Id; arn = $i.Arn; instance_alias = $Alias; identity_management_type = 'CONNECT_MANAGED'
                inbound_calls_enabled = $true; outbound_calls_enabled = $true; contact_flow_logs_enabled = $true; contact_lens_enabled = $false
                auto_resolve_best_voices_enabled = $true; early_media_enabled = $true; multi_party_conference_enabled = $false
                tags = @{ Environment = 'demo' }; tags_all = @{ Environment = 'demo'; ManagedBy = 'connectops' } }
            New-TfResource aws_iam_role connect @{ id = $r['Iam/ConnectRole'].Id; name = $r['Iam/ConnectRole'].Id; arn = $r['Iam/ConnectRole'].Arn
                managed_policy_arns = @('arn:aws:iam::aws:policy/AmazonConnect_FullAccess')
                assume_role_policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"connect.amazonaws.com"},"Action":"sts:AssumeRole"}]}' }
            New-TfResource aws_cloudwatch_log_group flows @{ id = $r['Logging/ContactFlowLogs'].Id; name = $r['Logging/ContactFlowLogs'].Id; retention_in_days = 7 }
        )
        $hours = @(
            @{ key = 'business'; name = 'UK Business Hours'; tz = 'Europe/London'; config = @($weekdays | ForEach-Object { Day $_ 9 17 0 }) }
            @{ key = 'always'; name = 'Always Open'; tz = 'UTC'; config = @($weekdays + 'SATURDAY', 'SUNDAY' | ForEach-Object { Day $_ 0 23 59 }) }
        )
        foreach ($h in $hours) {
            $e = $r["HoursOfOperation/$($h.name)"]
            $resources += New-TfResource aws_connect_hours_of_operation hours @{ id = "$($i.Id):$($e.Id)"; hours_of_operation_id = $e.Id; arn = $e.Arn; instance_id = $i.Id
                name = $h.name; time_zone = $h.tz; config = $h.config; tags_all = $tags } $h.key
        }
        $queues = @(
            @{ key = 'customer_service'; name = 'CustomerService'; description = 'General enquiries'; hours = 'UK Business Hours'; max = 100; tags = $tags }
            @{ key = 'emergencies'; name = 'Emergencies'; description = 'Out-of-hours emergencies'; hours = 'Always Open'; max = 10; tags = $tags + @{ Priority = 'high' } }
        )
        foreach ($q in $queues) {
            $e = $r["Queues/$($q.name)"]
            $resources += New-TfResource aws_connect_queue queues @{ id = "$($i.Id):$($e.Id)"; queue_id = $e.Id; arn = $e.Arn; instance_id = $i.Id; name = $q.name
                description = $q.description; hours_of_operation_id = $r["HoursOfOperation/$($q.hours)"].Id; max_contacts = $q.max; status = 'ENABLED'
                quick_connect_ids = @(); outbound_caller_config = @(); tags_all = $q.tags } $q.key
        }
        $resources += New-TfResource random_id suffix @{ id = 'q83v'; hex = 'abcd' }
        [ordered]@{ version = 4; terraform_version = '1.9.8'; serial = 3; lineage = [guid]::NewGuid().ToString(); outputs = @{}; resources = $resources } |
            ConvertTo-Json -Depth 20
    }
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Migrating a contact centre the Terraform module built' {
    BeforeAll {
        $script:Applied = Copy-ConnectExample -Destination (Join-Path $TestDrive 'terraform-built') -Alias 'tf-built'
        Invoke-ConnectApply -ConfigPath $script:Applied -EndpointUrl $script:Endpoint -Force | Out-Null
        $script:TfState = Join-Path $TestDrive 'terraform.tfstate'
        New-ProviderState (Join-Path (Split-Path $script:Applied) '.connectops/state.json') 'tf-built' | Set-Content $script:TfState
        $script:Out = Join-Path $TestDrive 'migrated'
        $script:Result = Import-ConnectTerraformState -Path $script:TfState -OutputPath $script:Out
    }

    It 'adopts every resource under its key and lists the rest as skipped' {
        @($script:Result.Adopted | ForEach-Object { "$($_.TerraformAddress) -> $($_.Address)" }) | Should -Be @(
            'aws_connect_instance.this -> Instance'
            'aws_iam_role.connect -> Iam/ConnectRole'
            'aws_cloudwatch_log_group.flows -> Logging/ContactFlowLogs'
            'aws_connect_hours_of_operation.hours["business"] -> HoursOfOperation/UK Business Hours'
            'aws_connect_hours_of_operation.hours["always"] -> HoursOfOperation/Always Open'
            'aws_connect_queue.queues["customer_service"] -> Queues/CustomerService'
            'aws_connect_queue.queues["emergencies"] -> Queues/Emergencies'
        )
        $script:Result.Skipped.TerraformAddress | Should -Be 'random_id.suffix'
        Test-ConnectConfig -ConfigPath $script:Result.ConfigPath | Should -BeTrue
        (Get-ConnectState -ConfigPath $script:Result.ConfigPath).Count | Should -Be 7
    }

    It 'plans no change against the instance, with no write call' {
        Reset-EmulatorCalls -Endpoint $script:Endpoint
        $plan = Invoke-ConnectPlan -ConfigPath $script:Result.ConfigPath -EndpointUrl $script:Endpoint
        $plan.IsEmpty | Should -BeTrue -Because ($plan | Out-String)
        Get-WriteCalls (Get-EmulatorCalls -Endpoint $script:Endpoint) | Should -BeNullOrEmpty
    }

    It 'refuses to write over the migrated files without -Force, and -WhatIf writes nothing' {
        $before = Get-Content $script:Result.ConfigPath -Raw
        { Import-ConnectTerraformState -Path $script:TfState -OutputPath $script:Out -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.Terraform.OutputExists,ConnectOps.Commands.ImportConnectTerraformStateCommand'
        Import-ConnectTerraformState -Path $script:TfState -OutputPath $script:Out -Force -WhatIf | Should -BeNullOrEmpty
        Import-ConnectTerraformState -Path $script:TfState -OutputPath (Join-Path $TestDrive 'whatif') -WhatIf | Out-Null
        Test-Path (Join-Path $TestDrive 'whatif') | Should -BeFalse
        Get-Content $script:Result.ConfigPath -Raw | Should -Be $before
    }
}

Describe 'Import-ConnectTerraformState with bad input' {
    It 'refuses <File> with <ErrorId>, naming it, and writes nothing' -ForEach @(
        @{ File = 'v3.tfstate'; ErrorId = 'ConnectOps.Terraform.UnsupportedVersion' }
        @{ File = 'not-json.tfstate'; ErrorId = 'ConnectOps.Terraform.NotJson' }
        @{ File = 'missing.tfstate'; ErrorId = 'ConnectOps.Terraform.NotFound' }
    ) {
        $out = Join-Path $TestDrive "bad-$File"
        $err = $null
        try { Import-ConnectTerraformState -Path (Join-Path $script:Fixtures $File) -OutputPath $out -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.Exception.Message | Should -BeLike "*$File*"
        Test-Path $out | Should -BeFalse
    }

    It 'drops the password of a user and writes it nowhere' {
        $out = Join-Path $TestDrive 'with-user'
        $result = Import-ConnectTerraformState -Path (Join-Path $script:Fixtures 'root-module.tfstate') -OutputPath $out -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings) -match "'password' was dropped" | Should -Not -BeNullOrEmpty
        @($result.Adopted | ForEach-Object { "$($_.Address)" }) | Should -Contain 'Users/carol.support'
        Get-ChildItem $out -Recurse -File -Force | Select-String -SimpleMatch 'Sup3r-Secret-Passw0rd!' | Should -BeNullOrEmpty
    }
}
