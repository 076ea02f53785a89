# Get-ConnectGraph as a user drives it: a config drawn offline, and plans from the emulator drawn by pipeline and
# from a plan file. Scenarios that plan work on their own copy of examples/basic-instance in $TestDrive.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint
    $script:FullExample = Join-Path $script:RepoRoot 'examples/full-contact-center/connectops.psd1'

    # The ids a Mermaid 'class <ids> <name>' line gives one class.
    function Get-MermaidClass {
        param([string] $Text, [string] $Name)
        foreach ($line in $Text -split "`n") {
            if ($line -match "^\s+class (\S+) $Name$") { return $Matches[1] -split ',' }
        }
        @()
    }
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ConnectGraph of a config (offline)' {
    It 'draws examples/full-contact-center as Mermaid, grouped by component, without calling AWS' {
        Reset-EmulatorCalls -Endpoint $script:Endpoint

        $graph = Get-ConnectGraph -ConfigPath $script:FullExample -EndpointUrl $script:Endpoint

        $graph | Should -BeOfType [string]
        $graph | Should -Match '(?m)^flowchart LR$'
        $graph | Should -Match '(?m)^    subgraph component_Queues \["Queues"\]$'
        # The queue's quick connects are associated after the walk: a dashed edge.
        $graph | Should -Match '(?m)^    Queues__\w+ -\.-> QuickConnects__\w+$'
        $graph | Should -Match '(?m)^    Users__\S+ --> RoutingProfiles__\S+$'
        Get-MermaidClass -Text $graph -Name 'declared' | Should -Contain 'Instance'
        Get-MermaidClass -Text $graph -Name 'create' | Should -BeNullOrEmpty
        (Get-EmulatorCalls -Endpoint $script:Endpoint).Count | Should -Be 0
    }

    It 'writes DOT to -OutFile and returns the file, which Graphviz lays out when installed' {
        $file = Join-Path $TestDrive 'full.dot'

        $result = Get-ConnectGraph -ConfigPath $script:FullExample -Format Dot -OutFile $file

        $result | Should -BeOfType [System.IO.FileInfo]
        $result.FullName | Should -Be $file
        $text = Get-Content $file -Raw
        $text | Should -Match '(?m)^digraph "connectops" \{$'
        $text | Should -Match '(?m)^    subgraph "cluster_Queues" \{$'
        $text | Should -Match '\[style=dashed\];'
        if (Get-Command dot -CommandType Application -ErrorAction SilentlyContinue) {
            & dot -Tsvg $file -o (Join-Path $TestDrive 'full.svg')
            $LASTEXITCODE | Should -Be 0
        }
    }

    It 'marks a target and what it pulls in, and fades the rest' {
        $graph = Get-ConnectGraph -ConfigPath $script:FullExample -Target 'RoutingProfiles/*'

        Get-MermaidClass -Text $graph -Name 'target' | Should -Not -BeNullOrEmpty
        Get-MermaidClass -Text $graph -Name 'target' | ForEach-Object { $_ | Should -BeLike 'RoutingProfiles__*' }
        Get-MermaidClass -Text $graph -Name 'pulledin' | Should -Contain 'Instance'
        Get-MermaidClass -Text $graph -Name 'outside' | Where-Object { $_ -like 'Users__*' } | Should -Not -BeNullOrEmpty
    }

    It 'refuses a missing config, naming it' {
        $missing = Join-Path $TestDrive 'nope.psd1'
        $err = $null
        try { Get-ConnectGraph -ConfigPath $missing -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.ConfigNotFound*'
        "$err" | Should -BeLike "*$missing*"
    }

    It 'refuses a malformed -Target' {
        { Get-ConnectGraph -ConfigPath $script:FullExample -Target 'NoSuchComponent/x' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.InvalidTarget*'
    }
}

Describe 'Get-ConnectGraph of a plan' {
    BeforeAll {
        $script:Config = Copy-ConnectExample -Destination (Join-Path $TestDrive 'graph-basic') -Alias 'graph-basic'
    }

    It 'Invoke-ConnectPlan | Get-ConnectGraph colours every resource of a new instance as a create' {
        $graph = Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint | Get-ConnectGraph

        $creates = Get-MermaidClass -Text $graph -Name 'create'
        $creates | Should -Contain 'Instance'
        $creates | Should -Contain 'Queues__CustomerService'
        $creates | Should -Contain 'Queues__Emergencies'
        $graph | Should -Match '(?m)^        Queues__CustomerService\["\+ CustomerService"\]$'
        $graph | Should -Match '(?m)^    Queues__CustomerService --> HoursOfOperation__UK_Business_Hours_[0-9a-f]{8}$'
    }

    It 'after an apply, draws an update and a delete that is no longer in the config, with what the delete needed' {
        Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force | Out-Null
        $text = Get-Content $script:Config -Raw
        $text = $text -replace 'MaxContacts      = 100', 'MaxContacts      = 200'
        $text = $text -replace "(?s)\s*@\{\s*Name\s*=\s*'Emergencies'.*?Tags\s*=\s*@\{[^}]*\}\s*\}", ''
        Set-Content -Path $script:Config -Value $text -NoNewline
        $file = Join-Path $TestDrive 'change.plan.json'
        Invoke-ConnectPlan -ConfigPath $script:Config -EndpointUrl $script:Endpoint -OutFile $file | Out-Null

        $graph = Get-ConnectGraph -PlanFile $file
        $dot = Get-ConnectGraph -PlanFile $file -Format Dot

        Get-MermaidClass -Text $graph -Name 'update' | Should -Be @('Queues__CustomerService')
        Get-MermaidClass -Text $graph -Name 'delete' | Should -Be @('Queues__Emergencies')
        Get-MermaidClass -Text $graph -Name 'noop' | Should -Contain 'Instance'
        $graph | Should -Match '(?m)^    Queues__Emergencies --> HoursOfOperation__Always_Open_[0-9a-f]{8}$'
        $dot | Should -Match '"Queues/Emergencies" \[label="- Emergencies", [^\]]*fillcolor="#ef9a9a"'
    }

    It 'refuses a plan file that is not a plan, naming it' {
        $bad = Join-Path $TestDrive 'bad.plan.json'
        Set-Content -Path $bad -Value '{ "hello": 1 }'
        $err = $null
        try { Get-ConnectGraph -PlanFile $bad -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.PlanFileInvalid*'
        "$err" | Should -BeLike "*bad.plan.json*"
    }
}

Describe 'Compare-ConnectInstance' {
    BeforeAll {
        $script:Applied = Copy-ConnectExample -Destination (Join-Path $TestDrive 'compare-basic') -Alias 'compare-basic'
        Invoke-ConnectApply -ConfigPath $script:Applied -EndpointUrl $script:Endpoint -Force | Out-Null
        $script:InstanceId = Get-ConnectOutput -ConfigPath $script:Applied -Name instance_id
        # The same contact centre, edited: a larger CustomerService, no Emergencies queue, and no state of its own.
        $folder = Join-Path $TestDrive 'compare-edited'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $text = (Get-Content $script:Applied -Raw) -replace 'MaxContacts      = 100', 'MaxContacts      = 250'
        $text = $text -replace "(?s)\s*@\{\s*Name\s*=\s*'Emergencies'.*?Tags\s*=\s*@\{[^}]*\}\s*\}", ''
        $script:Edited = Join-Path $folder 'connectops.psd1'
        Set-Content -Path $script:Edited -Value $text -NoNewline
    }

    It 'returns one delta per difference, matched by name, and writes neither AWS nor state' {
        Reset-EmulatorCalls -Endpoint $script:Endpoint

        $delta = @(Compare-ConnectInstance -ConfigPath $script:Edited -InstanceId $script:InstanceId -EndpointUrl $script:Endpoint)

        $changed = $delta | Where-Object { $_.Address.ToString() -eq 'Queues/CustomerService' }
        "$($changed.Kind) $($changed.Action)" | Should -Be 'Different Update'
        ($changed.Diffs | Where-Object Path -eq 'MaxContacts').After.ToString() | Should -Be '250'
        ($delta | Where-Object { $_.Address.ToString() -eq 'Queues/Emergencies' }).Kind | Should -Be 'OnlyInInstance'
        $delta | Where-Object Kind -eq 'Same' | Should -BeNullOrEmpty
        (Get-EmulatorCalls -Endpoint $script:Endpoint).Keys | Where-Object { $_ -match '\.(Create|Update|Delete|Associate|Disassociate|Tag)' } | Should -BeNullOrEmpty
        Test-Path (Join-Path (Split-Path $script:Edited) '.connectops') | Should -BeFalse
    }

    It 'with -IncludeEqual also returns what is the same' {
        $delta = Compare-ConnectInstance -ConfigPath $script:Edited -InstanceId $script:InstanceId -EndpointUrl $script:Endpoint -IncludeEqual
        ($delta | Where-Object { $_.Address.ToString() -eq 'HoursOfOperation/UK Business Hours' }).Kind | Should -Be 'Same'
    }

    It '-AsMarkdown returns a report with the table and the Mermaid graph of the differences' {
        $report = Compare-ConnectInstance -ConfigPath $script:Edited -InstanceId $script:InstanceId -EndpointUrl $script:Endpoint -AsMarkdown

        $report | Should -BeOfType [string]
        $report | Should -Match '(?m)^\| `Queues/CustomerService` \| differs \(update\) \| `MaxContacts: 100 → 250` \|$'
        $report | Should -Match '(?m)^```mermaid$'
        $report | Should -Match '(?m)^    class (\w+,)*Queues__CustomerService(,\w+)* update$'
    }

    It '-AsHtml returns one HTML page embedding the graph' {
        $page = Compare-ConnectInstance -ConfigPath $script:Edited -InstanceId $script:InstanceId -EndpointUrl $script:Endpoint -AsHtml
        $page | Should -Match '^<!DOCTYPE html>'
        $page | Should -Match '<pre class="mermaid">'
    }

    It '-ReferenceInstanceId compares two instances, with no config file' {
        $other = Copy-ConnectExample -Destination (Join-Path $TestDrive 'compare-other') -Alias 'compare-other'
        (Get-Content $other -Raw) -replace 'MaxContacts      = 100', 'MaxContacts      = 60' | Set-Content -Path $other -NoNewline
        Invoke-ConnectApply -ConfigPath $other -EndpointUrl $script:Endpoint -Force | Out-Null
        $otherId = Get-ConnectOutput -ConfigPath $other -Name instance_id
        Push-Location $TestDrive
        try {
            Reset-EmulatorCalls -Endpoint $script:Endpoint
            # Without a config there is no Region to fall back on: a clear error, not an exception.
            $saved = $env:AWS_REGION, $env:AWS_DEFAULT_REGION
            $env:AWS_REGION = $null; $env:AWS_DEFAULT_REGION = $null
            $err = $null
            try { Compare-ConnectInstance -ReferenceInstanceId $script:InstanceId -InstanceId $otherId -EndpointUrl $script:Endpoint -ErrorAction Stop } catch { $err = $_ }
            finally { $env:AWS_REGION, $env:AWS_DEFAULT_REGION = $saved }
            $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.NoRegion*'
            "$err" | Should -BeLike '*-Region*'
            $delta = @(Compare-ConnectInstance -ReferenceInstanceId $script:InstanceId -InstanceId $otherId -Region eu-west-2 -EndpointUrl $script:Endpoint)
        }
        finally { Pop-Location }

        $delta.Count | Should -Be 1 -Because ($delta | Out-String)
        $delta[0].Address.ToString() | Should -Be 'Queues/CustomerService'
        "$($delta[0].Diffs.Path) $($delta[0].Diffs.Before) $($delta[0].Diffs.After)" | Should -Be 'MaxContacts 60 100'
        (Get-EmulatorCalls -Endpoint $script:Endpoint).Keys | Where-Object { $_ -match '\.(Create|Update|Delete|Associate|Disassociate|Tag)' } | Should -BeNullOrEmpty
    }

    It 'refuses an instance the account does not have, naming it' {
        $err = $null
        try { Compare-ConnectInstance -ConfigPath $script:Edited -InstanceId 'no-such-instance' -EndpointUrl $script:Endpoint -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ConnectOps.InstanceNotFound*'
        "$err" | Should -BeLike '*no-such-instance*'
    }
}
