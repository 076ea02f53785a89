# ConnectOps loads its engine and AWSSDK.Core 4.1.0 in its own AssemblyLoadContext (dependencies/), so it
# works in a session where another module (AWS Tools for PowerShell) already loaded an older AWSSDK.Core
# 4.0.x into the default context, and the other way round. Both share AssemblyVersion 4.0.0.0, so without
# the isolation one order fails at import and the other with a TypeLoadException later.
# Each order runs in a fresh child pwsh: a session can load an assembly only once.

BeforeDiscovery {
    $script:Orders = @(
        @{ Name = 'the old AWSSDK.Core first, then ConnectOps'; OldFirst = $true }
        @{ Name = 'ConnectOps first, then the old AWSSDK.Core'; OldFirst = $false }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $nuget = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    # Restored by tests/pester/Pester.Restore.csproj (PackageDownload AWSSDK.Core 4.0.3.3).
    $script:OldCore = Join-Path $nuget 'awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll'
    $script:ModulePath = Get-TestModulePath
    $script:Example = Join-Path $script:RepoRoot 'examples/basic-instance'
    # One emulator for both children (each child's own session is what the test is about).
    Import-Module $script:ModulePath -Force
    $script:Emulator = Start-ConnectEmulator -ResourceQuotas off

    # Prints KEY=value lines the test reads. Loads the old SDK and uses it (a region lookup and a
    # credentials object: real code paths, not just a type name); the module plans the example against
    # the emulator.
    $script:ChildScript = @'
param([string] $OldCore, [string] $ModulePath, [string] $Example, [string] $Endpoint, [bool] $OldFirst)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'

function Use-OldSdk {
    Add-Type -Path $OldCore
    $region = [Amazon.RegionEndpoint]::GetBySystemName('eu-west-2')
    $creds = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDOLD', 'old-secret')
    $asm = [Amazon.RegionEndpoint].Assembly
    "OLD_SDK_REGION=$($region.SystemName)"
    "OLD_SDK_KEY=$($creds.GetCredentials().AccessKey)"
    "OLD_SDK_FILEVERSION=$([Diagnostics.FileVersionInfo]::GetVersionInfo($asm.Location).FileVersion)"
    "OLD_SDK_CONTEXT=$([Runtime.Loader.AssemblyLoadContext]::GetLoadContext($asm).Name)"
}

if ($OldFirst) { Use-OldSdk }

Import-Module $ModulePath
$work = Join-Path ([IO.Path]::GetTempPath()) "connectops-isolation-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
Copy-Item $Example $work -Recurse
try {
    $plan = Invoke-ConnectPlan -ConfigPath (Join-Path $work 'connectops.psd1') -EndpointUrl $Endpoint
    "PLAN_CREATES=$(@($plan.Changes | Where-Object { "$($_.Action)" -eq 'Create' }).Count)"
    (($plan | Out-String) -split "`n" | Where-Object { $_ -match '^Plan: ' }) -replace '^', 'PLAN_SUMMARY='
    $engineCore = $plan.GetType().Assembly
    "ENGINE_CONTEXT=$([Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engineCore).Name)"
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

if (-not $OldFirst) { Use-OldSdk }

# Every AWSSDK.Core now loaded, with the load context that holds it.
foreach ($a in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' }) {
    "CORE_LOADED=$([Diagnostics.FileVersionInfo]::GetVersionInfo($a.Location).FileVersion)@$([Runtime.Loader.AssemblyLoadContext]::GetLoadContext($a).Name)"
}
'@
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
}

Describe 'ConnectOps beside another AWSSDK.Core 4.0.x' {
    It 'has the old AWSSDK.Core restored for the test' {
        Test-Path $script:OldCore | Should -BeTrue -Because 'dotnet restore tests/pester/Pester.Restore.csproj downloads AWSSDK.Core 4.0.3.3'
    }

    It 'plans the basic example and the old SDK keeps working: <Name>' -ForEach $script:Orders {
        $file = Join-Path $TestDrive "isolation-$OldFirst.ps1"
        Set-Content -Path $file -Value $script:ChildScript
        $call = "& '$file' -OldCore '$($script:OldCore)' -ModulePath '$($script:ModulePath)' -Example '$($script:Example)' -Endpoint '$($script:Emulator.Endpoint)' -OldFirst `$$OldFirst"
        $run = Invoke-ChildPwsh -Script $call -Environment @{
            AWS_ACCESS_KEY_ID           = 'AKIAEXAMPLETEST'
            AWS_SECRET_ACCESS_KEY       = 'connectops-test-secret'
            AWS_CONFIG_FILE             = (Join-Path $TestDrive 'no-such-config')
            AWS_SHARED_CREDENTIALS_FILE = (Join-Path $TestDrive 'no-such-credentials')
            AWS_PROFILE                 = $null
        }

        $run.ExitCode | Should -Be 0 -Because $run.Text
        $values = @{}
        foreach ($line in $run.Output) {
            if ($line -match '^([A-Z_]+)=(.*)$') {
                if ($values.ContainsKey($Matches[1])) { $values[$Matches[1]] = @($values[$Matches[1]]) + $Matches[2] } else { $values[$Matches[1]] = $Matches[2] }
            }
        }

        # The module planned the whole example.
        $values['PLAN_CREATES'] | Should -Be '7'
        $values['PLAN_SUMMARY'] | Should -Be 'Plan: 7 to add, 0 to change, 0 to destroy.'
        $values['ENGINE_CONTEXT'] | Should -Be 'ConnectOps.Dependencies'
        # The old SDK worked, from the default context.
        $values['OLD_SDK_REGION'] | Should -Be 'eu-west-2'
        $values['OLD_SDK_KEY'] | Should -Be 'AKIDOLD'
        $values['OLD_SDK_FILEVERSION'] | Should -BeLike '4.0.3.*'
        $values['OLD_SDK_CONTEXT'] | Should -Be 'Default'
        # Two copies side by side: the old one in the default context, 4.1.0 in the module's.
        $values['CORE_LOADED'] | Should -HaveCount 2
        @($values['CORE_LOADED'] | Where-Object { $_ -like '4.0.3.*@Default' }) | Should -HaveCount 1
        @($values['CORE_LOADED'] | Where-Object { $_ -like '4.1.*@ConnectOps.Dependencies' }) | Should -HaveCount 1
    }
}
