<#
.SYNOPSIS
    The demo behind `build.ps1 -Task Demo`: plan and apply examples/basic-instance against the
    bundled emulator with local state, plan again (no changes), print the outputs.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $Example = (Join-Path $PSScriptRoot 'basic-instance')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force

# Work on a copy so the demo's state file never lands in the repository.
$work = Join-Path ([IO.Path]::GetTempPath()) "connectops-demo-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
Copy-Item $Example $work -Recurse
$config = Join-Path $work 'connectops.psd1'

$emulator = Start-ConnectEmulator
try {
    # The emulator accepts any credentials; these keep the demo away from the user's own profile.
    $env:AWS_ACCESS_KEY_ID = 'AKIDEMO'
    $env:AWS_SECRET_ACCESS_KEY = 'demo-secret'
    Write-Host "Emulator: $($emulator.Endpoint)"

    Write-Host "`n== Plan ==" -ForegroundColor Cyan
    $plan = Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $emulator.Endpoint
    $plan | Out-Host

    Write-Host "`n== Apply ==" -ForegroundColor Cyan
    $plan | Invoke-ConnectApply -EndpointUrl $emulator.Endpoint -Force | Out-Host

    Write-Host "`n== Plan again ==" -ForegroundColor Cyan
    Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $emulator.Endpoint | Out-Host

    Write-Host "`n== Outputs ==" -ForegroundColor Cyan
    Get-ConnectOutput -ConfigPath $config | Format-List | Out-Host
}
finally {
    $emulator | Stop-ConnectEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
