#requires -Version 7.6
<#
.SYNOPSIS
    Packs a laid-out ConnectOps module folder into ConnectOps.<version>.nupkg with PSResourceGet.
.DESCRIPTION
    Registers a throw-away local folder repository, publishes the module to it with Publish-PSResource
    (which validates the manifest as the PowerShell Gallery would), and leaves the .nupkg in -OutputPath,
    where Install-PSResource/Save-PSResource can install it from (Register-PSResourceRepository -Uri <folder>).

    PSResourceGet keeps its repository list in the user's profile. So that packing never changes the
    user's repositories, the work runs in a child pwsh whose profile data folder (XDG_DATA_HOME, or
    LOCALAPPDATA on Windows) is a temporary folder.

    build.ps1 -Task Package calls this after laying the module out; tests/pester/Package.Tests.ps1 calls it
    when the package is missing or older than the module it tests.
.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath out/ConnectOps/0.1.0 -OutputPath out/packages
#>
[CmdletBinding()]
param(
    # The laid-out module folder (out/ConnectOps/<version>), holding ConnectOps.psd1.
    [Parameter(Mandatory)] [string] $ModulePath,
    # Where the .nupkg goes.
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
$OutputPath = (Resolve-Path $OutputPath).Path
$manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'ConnectOps.psd1')
$nupkg = Join-Path $OutputPath "ConnectOps.$($manifest.ModuleVersion).nupkg"
# Publishing a version that is already in the repository folder fails: replace it.
Remove-Item $nupkg -ErrorAction SilentlyContinue

$profileData = Join-Path ([IO.Path]::GetTempPath()) "connectops-pack-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
New-Item -ItemType Directory -Force -Path $profileData | Out-Null
$script = @"
`$ErrorActionPreference = 'Stop'
Test-ModuleManifest -Path '$(Join-Path $ModulePath 'ConnectOps.psd1')' | Out-Null
Register-PSResourceRepository -Name ConnectOpsBuild -Uri '$OutputPath' -Trusted
Publish-PSResource -Path '$ModulePath' -Repository ConnectOpsBuild -SkipDependenciesCheck
"@
$variable = if ($IsWindows) { 'LOCALAPPDATA' } else { 'XDG_DATA_HOME' }
$saved = [Environment]::GetEnvironmentVariable($variable)
[Environment]::SetEnvironmentVariable($variable, $profileData)
try {
    $process = [Environment]::ProcessPath
    $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    & $process @prefix -NoProfile -NonInteractive -Command $script
    if ($LASTEXITCODE -ne 0) { throw "Publish-PSResource of $ModulePath failed (exit code $LASTEXITCODE)." }
}
finally {
    [Environment]::SetEnvironmentVariable($variable, $saved)
    Remove-Item $profileData -Recurse -Force -ErrorAction SilentlyContinue
}
if (-not (Test-Path $nupkg)) { throw "Publish-PSResource reported success but $nupkg is not there." }
Get-Item $nupkg
