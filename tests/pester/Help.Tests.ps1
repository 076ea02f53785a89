# Every exported cmdlet has full help, built from docs/en-US by tools/New-MamlHelp.ps1 into the laid-out
# module's en-US/ConnectOps.dll-Help.xml: a synopsis, a description, a description for every parameter,
# and examples whose code parses. The cmdlets are whatever the module exports when the test runs, so a new
# cmdlet without a page fails here. docs/en-US has no page for a cmdlet that does not exist.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-TestModulePath) -Force
    $script:Cmdlets = @((Get-Module ConnectOps).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
    $script:Pages = @(Get-ChildItem (Join-Path $script:RepoRoot 'docs/en-US') -Filter '*.md' |
        Where-Object Name -NotLike 'about_*' | ForEach-Object { @{ Page = $_.Name; Cmdlet = $_.BaseName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $PSStyle.OutputRendering = 'PlainText'
    Import-Module (Get-TestModulePath) -Force
    $script:Module = Get-Module ConnectOps
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters
    $script:DocsPath = Join-Path $script:RepoRoot 'docs/en-US'

    function script:Get-ParameterNames([string] $Name) {
        @((Get-Command $Name -Module ConnectOps).Parameters.Keys | Where-Object { $_ -notin $script:Common } | Sort-Object)
    }
    function script:Get-Text($Value) {
        (@($Value) | ForEach-Object { if ($_ -is [string]) { $_ } else { $_.Text } }) -join "`n"
    }
}

Describe 'Help for <Name>' -ForEach $script:Cmdlets {
    BeforeAll {
        # A cmdlet whose parameter metadata PowerShell cannot build makes Get-Help throw: the first test says why.
        $script:Help = try { Get-Help $Name -Full -ErrorAction Stop } catch { $null }
    }

    It 'has parameter metadata PowerShell can load (so it can run, and have help)' {
        $command = Get-Command $Name -Module ConnectOps
        $problem = ''
        if ($command.ParameterSets.Count -eq 0) {
            try { & $Name -ConnectOpsHelpProbe 2>$null | Out-Null } catch { $problem = $_.Exception.Message }
        }
        $command.ParameterSets.Count | Should -BeGreaterThan 0 -Because "PowerShell cannot bind $($Name): $problem"
    }

    It 'has a page in docs/en-US' {
        Test-Path (Join-Path $script:DocsPath "$Name.md") | Should -BeTrue -Because "run tools/New-MamlHelp.ps1 -ModuleManifest <laid-out psd1> -UpdateMarkdown to start docs/en-US/$Name.md"
    }

    It 'has a written synopsis (not the generated syntax, not a TODO)' {
        $synopsis = "$($script:Help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match "^$([regex]::Escape($Name))\s+\["
        $synopsis | Should -Not -Match 'TODO'
        $synopsis.Length | Should -BeGreaterThan 20
    }

    It 'has a description' {
        $text = Get-Text $script:Help.description
        $text | Should -Not -BeNullOrEmpty
        $text | Should -Not -Match 'TODO'
    }

    It 'describes every parameter except the common parameters' {
        $documented = @{}
        foreach ($p in @($script:Help.parameters.parameter)) { if ($p) { $documented[$p.name] = (Get-Text $p.description).Trim() } }
        foreach ($parameter in Get-ParameterNames $Name) {
            $documented.ContainsKey($parameter) | Should -BeTrue -Because "-$parameter must be in the help of $Name"
            $documented[$parameter] | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description in docs/en-US/$Name.md"
            $documented[$parameter] | Should -Not -Match 'TODO' -Because "-$parameter of $Name"
        }
    }

    It 'has syntax for each parameter set, from the compiled cmdlet' {
        $sets = (Get-Command $Name -Module ConnectOps).ParameterSets
        @($script:Help.syntax.syntaxItem) | Should -HaveCount $sets.Count
        foreach ($item in @($script:Help.syntax.syntaxItem)) {
            $names = @($item.parameter | ForEach-Object name)
            $match = $sets | Where-Object { @($_.Parameters.Name | Where-Object { $_ -notin $script:Common } | Sort-Object) -join ',' -eq (@($names | Sort-Object) -join ',') }
            $match | Should -Not -BeNullOrEmpty -Because "the syntax line [$($names -join ' ')] must be one of the cmdlet's parameter sets"
        }
    }

    It 'has at least one example, and the code of each parses without errors' {
        $examples = @($script:Help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $code = "$($example.code)"
            $code.Trim() | Should -Not -BeNullOrEmpty -Because "$($example.title) needs code"
            $tokens = $null; $errors = $null
            [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$tokens, [ref]$errors) | Out-Null
            $errors | Should -BeNullOrEmpty -Because "the code of $($example.title) must parse: $(($errors | ForEach-Object Message) -join '; ')"
            (Get-Text $example.remarks).Trim() | Should -Not -BeNullOrEmpty -Because "$($example.title) needs an explanation"
        }
    }
}

Describe 'docs/en-US' {
    It 'documents only cmdlets that exist: <Page>' -ForEach $script:Pages {
        $script:Module.ExportedCmdlets.Keys | Should -Contain $Cmdlet -Because "docs/en-US/$Page documents a cmdlet the module does not export"
    }

    It 'has syntax and parameter metadata that match the compiled cmdlets (tools/New-MamlHelp.ps1 -UpdateMarkdown leaves it unchanged)' {
        $copy = Join-Path $TestDrive 'docs-en-US'
        Copy-Item $script:DocsPath $copy -Recurse
        & (Join-Path $script:RepoRoot 'tools/New-MamlHelp.ps1') -ModuleManifest (Get-TestModulePath) -DocsPath $copy -UpdateMarkdown 6>$null
        # Pages only: a cmdlet with no page at all fails 'has a page in docs/en-US' above.
        $changed = foreach ($file in Get-ChildItem $copy -Filter '*.md') {
            $original = Join-Path $script:DocsPath $file.Name
            if ((Test-Path $original) -and (Get-Content $original -Raw) -ne (Get-Content $file.FullName -Raw)) { $file.Name }
        }
        $changed | Should -BeNullOrEmpty -Because 'a cmdlet changed without its page: run tools/New-MamlHelp.ps1 -ModuleManifest <laid-out psd1> -UpdateMarkdown and fill in any TODO'
    }
}

Describe 'Get-Help as users read it' {
    It 'Get-Help Invoke-ConnectPlan -Full shows the synopsis, description, syntax, every parameter with its description, and examples' {
        $text = Get-Help Invoke-ConnectPlan -Full | Out-String -Width 200
        $text | Should -Match 'SYNOPSIS\s+Compares a contact-centre config'
        $text | Should -Match 'DESCRIPTION\s+Invoke-ConnectPlan reads the config file'
        $text | Should -Match 'Invoke-ConnectPlan \[-Component <Component\[\]>\] \[-Target <String\[\]>\]'
        foreach ($p in 'ConfigPath', 'Component', 'Target', 'OutFile', 'DetailedExitCode', 'Region', 'ProfileName', 'EndpointUrl') {
            $text | Should -Match "(?m)^\s+-$p\b.*\r?\n\s+\S" -Because "-$p is listed with a description"
        }
        $text | Should -Match 'Accept pipeline input\?\s+True \(ByPropertyName\)'
        $text | Should -Match 'Aliases\s+AWSProfileName'
        $text | Should -Match 'Example 1: Plan a contact centre against the bundled emulator'
    }

    It 'Get-Help about_ConnectOps explains the concepts' {
        $text = Get-Help about_ConnectOps | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($concept in 'CONFIG', 'ADDRESSES AND COMPONENTS', 'PLAN AND APPLY', 'STATE', 'ORIGIN', 'PROTECTION', 'EMULATOR') {
            $text | Should -Match "(?m)^\s*$concept\s*$" -Because "about_ConnectOps has a section on $concept"
        }
    }
}
