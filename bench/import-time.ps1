#requires -Version 7.6
<#
.SYNOPSIS
    Measures `Import-Module ConnectOps` against a bare pwsh start, and prints both medians and the ratio.
.DESCRIPTION
    Starts `pwsh -NoProfile -c 1` and `pwsh -NoProfile -c "Import-Module <out/ConnectOps/<version>/ConnectOps.psd1>"`
    -Runs times each, alternating (so a busy machine slows both alike), after one warm-up of each. Each
    figure is the wall-clock time of the whole process, as a user waits for it. The ratio is
    median(import) / median(bare): 1.10 means importing ConnectOps adds 10% to starting PowerShell.
    The time Import-Module takes inside the process is printed too: on a loaded machine the two process
    medians drift by more than the import costs, and that figure does not.

    The pwsh started is the one running this script (`dotnet pwsh` from the repository's tool manifest
    runs its pwsh.dll with the same dotnet). It prints figures; it is not a timed test.
.EXAMPLE
    dotnet pwsh ./bench/import-time.ps1
.EXAMPLE
    dotnet pwsh ./bench/import-time.ps1 -Runs 15 -ModulePath ./out/ConnectOps/0.1.0/ConnectOps.psd1
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 100)] [int] $Runs = 9,
    # The laid-out module's manifest; default out/ConnectOps/<version>/ConnectOps.psd1 (build.ps1 -Task Module).
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..')
if (-not $ModulePath) {
    $version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    $ModulePath = Join-Path $root "out/ConnectOps/$version/ConnectOps.psd1"
}
if (-not (Test-Path $ModulePath)) { throw "$ModulePath does not exist: run 'dotnet pwsh ./build.ps1 -Task Module' first." }
$ModulePath = (Resolve-Path $ModulePath).Path

$exe = [Environment]::ProcessPath
$prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
$bare = @($prefix) + @('-NoProfile', '-NonInteractive', '-Command', '1')
# The import must really happen: the child fails (exit 1) unless the module's cmdlets are there.
# It also prints how long Import-Module itself took inside the process (less sensitive to a busy machine).
$import = @($prefix) + @('-NoProfile', '-NonInteractive', '-Command', "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'; `$w.Stop(); if (-not (Get-Command Invoke-ConnectPlan -ErrorAction SilentlyContinue)) { exit 1 }; 'IMPORT_MS=' + `$w.Elapsed.TotalMilliseconds")
$inProcess = [Collections.Generic.List[double]]::new()

function Measure-Start([string[]] $Arguments) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $output = & $exe @Arguments
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "'$exe $($Arguments -join ' ')' exited with $LASTEXITCODE." }
    foreach ($line in $output) { if ("$line" -match '^IMPORT_MS=([\d.]+)') { $inProcess.Add([double]::Parse($Matches[1], [cultureinfo]::InvariantCulture) / 1000) } }
    $watch.Elapsed.TotalSeconds
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

Write-Host "Warming up (one run of each) ..."
Measure-Start $bare | Out-Null
Measure-Start $import | Out-Null
$inProcess.Clear()

$bareTimes = [Collections.Generic.List[double]]::new()
$importTimes = [Collections.Generic.List[double]]::new()
for ($i = 1; $i -le $Runs; $i++) {
    $bareTimes.Add((Measure-Start $bare))
    $importTimes.Add((Measure-Start $import))
    Write-Host ("run {0,2}: bare {1:N3} s, import {2:N3} s" -f $i, $bareTimes[-1], $importTimes[-1])
}

$bareMedian = Get-Median $bareTimes
$importMedian = Get-Median $importTimes
[pscustomobject]@{
    Runs               = $Runs
    BarePwshMedianSec  = [math]::Round($bareMedian, 3)
    ImportMedianSec    = [math]::Round($importMedian, 3)
    ImportCostSec      = [math]::Round($importMedian - $bareMedian, 3)
    InProcessImportSec = [math]::Round((Get-Median $inProcess), 3)
    Ratio              = [math]::Round($importMedian / $bareMedian, 2)
} | Format-List | Out-String | Write-Host
"Import-Module ConnectOps: median {0:N3} s vs bare pwsh {1:N3} s over {2} runs each: ratio {3:N2} (Import-Module itself: {4:N3} s in-process)" -f $importMedian, $bareMedian, $Runs, ($importMedian / $bareMedian), (Get-Median $inProcess)
