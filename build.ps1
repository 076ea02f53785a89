#requires -Version 7.6
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages ConnectOps.
.DESCRIPTION
    Tasks:
      Build    compile the solution and lay the importable module out at out/ConnectOps/<version>/
      Module   compile only the module and the emulator (not the tests) and lay the module out
      Test     Build, then every xunit project and every Pester test; prints "N passed, N failed" last
      Demo     Build, start the emulator, plan and apply examples/basic-instance, plan again, stop
      Package  Build, then write out/packages/ConnectOps.<version>.nupkg for Install-PSResource
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Module', 'Test', 'Demo', 'Package', 'Generate')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Run only the test projects / Pester files whose name matches this wildcard.
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$Version = ([xml](Get-Content (Join-Path $Root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
$ModuleOut = Join-Path $Out "ConnectOps/$Version"

function Invoke-Native {
    param([string] $File, [string[]] $Arguments)
    Write-Host ">> $File $($Arguments -join ' ')"
    & $File @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$File $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Generate {
    Invoke-Native dotnet @('run', '--project', (Join-Path $Root 'tools/Codegen'), '-c', $Configuration, '--', '--root', $Root)
}

function Invoke-Build {
    Invoke-Native dotnet @('build', (Join-Path $Root 'ConnectOps.sln'), '-c', $Configuration, '-nologo', '-clp:ErrorsOnly;Summary')
    Publish-Module
}

# Lays out out/ConnectOps/<version>/: the manifest, the cmdlet assembly and format file at the root; the
# help in en-US/ (built from docs/en-US by tools/New-MamlHelp.ps1); the engine, the wire layer and AWSSDK
# in dependencies/ (loaded in the module's own AssemblyLoadContext); the emulator in emulator/.
function Publish-Module {
    $manifest = Join-Path $Root 'ConnectOps.psd1'
    if (-not (Test-Path $manifest)) { return }
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $deps = Join-Path $ModuleOut 'dependencies'
    $emu = Join-Path $ModuleOut 'emulator'
    New-Item -ItemType Directory -Force -Path $ModuleOut, $deps, $emu | Out-Null

    $staging = Join-Path $Out 'staging'
    if (Test-Path $staging) { Remove-Item $staging -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/ConnectOps.Engine'), '-c', $Configuration, '--no-build', '-o', (Join-Path $staging 'engine'), '-nologo')
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/ConnectOps.Emulator'), '-c', $Configuration, '--no-build', '-o', $emu, '-nologo')

    Get-ChildItem (Join-Path $staging 'engine') -File | Where-Object { $_.Extension -in '.dll', '.json' -and $_.Name -notlike 'ConnectOps.Engine.deps.json' } |
        Copy-Item -Destination $deps
    $cmdletDir = Join-Path $Root "src/ConnectOps/bin/$Configuration/net10.0"
    Copy-Item (Join-Path $cmdletDir 'ConnectOps.dll') $ModuleOut
    Copy-Item $manifest $ModuleOut
    Get-ChildItem (Join-Path $Root 'src/ConnectOps') -Filter '*.ps1xml' | Copy-Item -Destination $ModuleOut
    Remove-Item $staging -Recurse -Force
    # Help: MAML for the cmdlets (syntax from the compiled cmdlets, text from docs/en-US) and the about_ topics.
    & (Join-Path $Root 'tools/New-MamlHelp.ps1') -ModuleManifest (Join-Path $ModuleOut 'ConnectOps.psd1') -DocsPath (Join-Path $Root 'docs/en-US') -OutputPath (Join-Path $ModuleOut 'en-US')
    Write-Host "Module laid out at $ModuleOut"
}

function Get-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content $Path -Raw
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted; Skipped = [int]$c.notExecuted }
}

function Invoke-Test {
    Invoke-Build
    Invoke-Native dotnet @('restore', (Join-Path $Root 'tests/pester/Pester.Restore.csproj'), '-nologo')

    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    New-Item -ItemType Directory -Force -Path $results | Out-Null
    $env:CONNECTOPS_MODULE_PATH = Join-Path $ModuleOut 'ConnectOps.psd1'
    $env:CONNECTOPS_REPO_ROOT = $Root

    $passed = 0; $failed = 0; $skipped = 0; $broken = @()
    foreach ($proj in Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj' | Where-Object { $_.BaseName -like $Filter } | Sort-Object Name) {
        $trx = Join-Path $results "$($proj.BaseName).trx"
        Write-Host ">> dotnet test $($proj.Name)"
        & dotnet test $proj.FullName -c $Configuration --no-build --nologo --logger "trx;LogFileName=$trx" --logger 'console;verbosity=minimal'
        if (Test-Path $trx) {
            $c = Get-TrxCounts $trx
            $passed += $c.Passed; $failed += $c.Failed; $skipped += $c.Skipped
            Write-Host "   $($proj.BaseName): $($c.Passed) passed, $($c.Failed) failed, $($c.Skipped) skipped"
        } else {
            $failed++; $broken += $proj.BaseName
            Write-Host "   $($proj.BaseName): no results (the test run did not start)"
        }
    }

    $pesterFiles = @(Get-ChildItem (Join-Path $Root 'tests/pester') -Filter '*.Tests.ps1' -ErrorAction SilentlyContinue | Where-Object { $_.Name -like "$Filter*" -or $Filter -eq '*' })
    if ($pesterFiles.Count -gt 0) {
        $pesterHome = Join-Path ($env:NUGET_PACKAGES ?? (Join-Path $HOME '.nuget/packages')) 'pester'
        $pesterManifest = Get-ChildItem $pesterHome -Recurse -Filter 'Pester.psd1' | Sort-Object FullName -Descending | Select-Object -First 1
        $pesterScript = {
            param($Manifest, $Files, $ResultFile)
            Import-Module $Manifest -Force
            $cfg = New-PesterConfiguration
            $cfg.Run.Path = $Files
            $cfg.Run.PassThru = $true
            $cfg.Output.Verbosity = 'Normal'
            $cfg.TestResult.Enabled = $true
            $cfg.TestResult.OutputPath = $ResultFile
            $r = Invoke-Pester -Configuration $cfg
            "PESTER-COUNTS $($r.PassedCount) $($r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount) $($r.SkippedCount)"
        }
        # A child pwsh so the module under test loads into a clean session.
        $lines = & dotnet pwsh -NoProfile -NonInteractive -Command "& { $pesterScript } '$($pesterManifest.FullName)' @('$(($pesterFiles.FullName) -join "','")') '$(Join-Path $results 'pester.xml')'" 2>&1
        $lines | ForEach-Object { if ($_ -notmatch '^PESTER-COUNTS') { Write-Host $_ } }
        $countLine = $lines | Where-Object { $_ -match '^PESTER-COUNTS (\d+) (\d+) (\d+)' } | Select-Object -Last 1
        if ($countLine -and $countLine -match '^PESTER-COUNTS (\d+) (\d+) (\d+)') {
            $passed += [int]$Matches[1]; $failed += [int]$Matches[2]; $skipped += [int]$Matches[3]
            Write-Host "   Pester: $($Matches[1]) passed, $($Matches[2]) failed, $($Matches[3]) skipped"
        } else {
            $failed++; $broken += 'Pester'
            Write-Host '   Pester: no results (the run did not complete)'
        }
    }
    if ($broken) { Write-Host "Runs that produced no results: $($broken -join ', ')" }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    $demo = Join-Path $Root 'examples/demo.ps1'
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', $demo, '-ModulePath', (Join-Path $ModuleOut 'ConnectOps.psd1'))
}

function Invoke-Package {
    Invoke-Build
    # Publish-PSResource into a local folder repository, without touching the user's repository list.
    $package = & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModulePath $ModuleOut -OutputPath (Join-Path $Out 'packages')
    Write-Host "Package: $($package.FullName)"
}

switch ($Task) {
    'Generate' { Invoke-Generate }
    'Module' {
        foreach ($p in 'src/ConnectOps', 'src/ConnectOps.Emulator') { Invoke-Native dotnet @('build', (Join-Path $Root $p), '-c', $Configuration, '-nologo', '-clp:ErrorsOnly;Summary') }
        Publish-Module
    }
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
}
