#requires -Version 7.6
<#
.SYNOPSIS
    Creates N users from a CSV (`Import-Csv | New-ConnectUser`) against the emulator with Amazon Connect's default
    rate limits, and prints the time against the CreateUser quota floor.
.DESCRIPTION
    Starts an emulator with `-RateLimits aws-default` (CreateUser: 2 requests per second, burst 5), applies
    examples/basic-instance to it, writes a CSV of -Count users (UTF-8 with a byte-order mark, as Excel saves it),
    and times `Import-Csv | New-ConnectUser`. The floor is what the quota allows at best: (Count - 5) / 2 seconds.
    Prints the users created, the errors (there should be none: ConnectOps paces itself, and the retries absorb a
    throttle), the calls served per operation and those the emulator throttled, the seconds, the floor and the ratio.
    It prints figures; it is not a timed test (tests/pester/Imperative.Tests.ps1 runs 20).
.EXAMPLE
    dotnet pwsh ./bench/csv-users.ps1
.EXAMPLE
    dotnet pwsh ./bench/csv-users.ps1 -Count 500
#>
[CmdletBinding()]
param(
    [ValidateRange(6, 5000)] [int] $Count = 200,
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
Import-Module (Resolve-Path $ModulePath).Path -Force

# The emulator accepts any credentials; these keep the run away from the user's own profile.
$env:AWS_ACCESS_KEY_ID = 'AKIAEXAMPLEBENCH'
$env:AWS_SECRET_ACCESS_KEY = 'connectops-bench-secret'
$env:AWS_CONFIG_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-credentials'

$work = Join-Path ([IO.Path]::GetTempPath()) ("connectops-csv-bench-" + [Guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$emulator = Start-ConnectEmulator -RateLimits aws-default -ResourceQuotas off
try {
    Copy-Item (Join-Path $root 'examples/basic-instance/*') $work -Recurse
    $common = @{ ConfigPath = (Join-Path $work 'connectops.psd1'); EndpointUrl = $emulator.Endpoint }
    Write-Host "Applying examples/basic-instance to the emulator ($($emulator.Endpoint), aws-default rate limits) ..."
    Invoke-ConnectApply @common -Force | Out-Null

    $csv = Join-Path $work 'agents.csv'
    1..$Count | ForEach-Object {
        [pscustomobject]@{
            Username = "agent.$_"; Email = "agent.$_@example.com"; FirstName = 'Agent'; LastName = "$_"
            RoutingProfile = 'Basic Routing Profile'; SecurityProfiles = 'Agent'; PhoneType = 'SOFT_PHONE'; Password = 'Init1al-Passw0rd'
        }
    } | Export-Csv $csv -NoTypeInformation -Encoding utf8BOM

    Invoke-RestMethod -Uri "$($emulator.Endpoint)/_connectops/calls/reset" -Method Post | Out-Null
    Write-Host "Creating $Count users: Import-Csv agents.csv | New-ConnectUser ..."
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $created = @(Import-Csv $csv | New-ConnectUser @common -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)
    $watch.Stop()

    $stats = Invoke-RestMethod -Uri "$($emulator.Endpoint)/_connectops/calls" -Method Get
    $calls = $stats.Calls
    $throttled = @($stats.Throttled.PSObject.Properties)
    $seconds = $watch.Elapsed.TotalSeconds
    $floor = ($Count - 5) / 2
    Write-Host ''
    Write-Host "Users created:    $($created.Count) of $Count"
    Write-Host "Errors:           $($failures.Count)$(if ($failures.Count) { ' (first: ' + $failures[0] + ')' })"
    Write-Host 'Calls served:'
    foreach ($p in $calls.PSObject.Properties | Sort-Object Name) { Write-Host ("  {0,-40} {1,6}" -f $p.Name, $p.Value) }
    Write-Host "Throttled (429):  $(if ($throttled.Count) { ($throttled | ForEach-Object { "$($_.Name) x $($_.Value)" }) -join ', ' } else { 'none' })"
    Write-Host ("Seconds:          {0:N1}" -f $seconds)
    Write-Host ("Quota floor:      {0:N1} s  (CreateUser 2 rps, burst 5: ({1} - 5) / 2)" -f $floor, $Count)
    Write-Host ("Ratio to floor:   {0:N2}" -f ($seconds / $floor))
}
finally {
    $emulator | Stop-ConnectEmulator -Confirm:$false
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
