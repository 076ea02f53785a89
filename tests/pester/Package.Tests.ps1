# The .nupkg of build.ps1 -Task Package installs with PSResourceGet from a local folder repository, and
# the installed module works: it imports, starts and stops its bundled emulator, and validates the example.
# Everything PSResourceGet keeps in the user's profile (its repository list, CurrentUser installs) goes
# to a temporary folder: the child pwsh runs with HOME and XDG_DATA_HOME (LOCALAPPDATA and USERPROFILE on
# Windows) in $TestDrive, so the user's repositories and modules are never touched.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:ModuleFile = Get-TestModulePath
    $script:ModuleFolder = Split-Path $script:ModuleFile
    $script:Version = (Import-PowerShellDataFile $script:ModuleFile).ModuleVersion
    $script:Example = Join-Path $script:RepoRoot 'examples/basic-instance/connectops.psd1'

    # The package build.ps1 -Task Package wrote, if it is at least as new as the module under test;
    # otherwise pack that module now with the same step (tools/New-ModulePackage.ps1), into TestDrive.
    $built = Join-Path $script:RepoRoot "out/packages/ConnectOps.$($script:Version).nupkg"
    $moduleTime = (Get-Item (Join-Path $script:ModuleFolder 'ConnectOps.dll')).LastWriteTimeUtc
    if ((Test-Path $built) -and (Get-Item $built).LastWriteTimeUtc -ge $moduleTime) {
        $script:Repository = Join-Path $TestDrive 'repository'
        New-Item -ItemType Directory -Path $script:Repository | Out-Null
        Copy-Item $built $script:Repository
    }
    else {
        $script:Repository = Join-Path $TestDrive 'repository'
        & (Join-Path $script:RepoRoot 'tools/New-ModulePackage.ps1') -ModulePath $script:ModuleFolder -OutputPath $script:Repository | Out-Null
    }
    $script:Package = Join-Path $script:Repository "ConnectOps.$($script:Version).nupkg"
    $script:UserData = Join-Path $TestDrive 'user-data'
    $script:InstallPath = Join-Path $TestDrive 'installed'
    New-Item -ItemType Directory -Path $script:UserData, $script:InstallPath | Out-Null
}

Describe 'The ConnectOps package' {
    It 'holds the manifest, the cmdlet assembly, help, dependencies/ and the emulator' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Package)
        try { $entries = @($zip.Entries.FullName) }
        finally { $zip.Dispose() }
        foreach ($file in 'ConnectOps.psd1', 'ConnectOps.dll', 'ConnectOps.Format.ps1xml', 'ConnectOps.nuspec',
            'en-US/ConnectOps.dll-Help.xml', 'en-US/about_ConnectOps.help.txt',
            'dependencies/ConnectOps.Engine.dll', 'dependencies/AWSSDK.Core.dll', 'emulator/ConnectOps.Emulator.dll') {
            $entries | Should -Contain $file
        }
        # Only the cmdlet assembly at the root: the rest loads in the module's own load context.
        @($entries | Where-Object { $_ -notmatch '/' -and $_ -like '*.dll' }) | Should -Be @('ConnectOps.dll')
    }

    It 'installs with Install-PSResource from a local repository into a private folder, imports, and works' {
        $script = @"
`$ErrorActionPreference = 'Stop'
`$PSStyle.OutputRendering = 'PlainText'
Register-PSResourceRepository -Name ConnectOpsTest -Uri '$($script:Repository)'
Install-PSResource -Name ConnectOps -Version '$($script:Version)' -Repository ConnectOpsTest -TrustRepository -Scope CurrentUser -Quiet
`$installed = Get-InstalledPSResource -Name ConnectOps -Scope CurrentUser
"INSTALLED=`$(`$installed.InstalledLocation)"
Save-PSResource -Name ConnectOps -Repository ConnectOpsTest -TrustRepository -Path '$($script:InstallPath)' -Quiet
`$manifest = Join-Path '$($script:InstallPath)' 'ConnectOps/$($script:Version)/ConnectOps.psd1'
"MANIFEST_VALID=`$((Test-ModuleManifest `$manifest).Version)"
`$module = Import-Module `$manifest -PassThru
"MODULE_BASE=`$(`$module.ModuleBase)"
"CMDLETS=`$(`$module.ExportedCmdlets.Count)"
"SYNOPSIS=`$((Get-Help Invoke-ConnectPlan).Synopsis)"
"CONFIG_VALID=`$(Test-ConnectConfig -ConfigPath '$($script:Example)')"
`$emulator = Start-ConnectEmulator
"EMULATOR=`$(`$emulator.Endpoint)"
"EMULATOR_HEALTH=`$((Invoke-RestMethod "`$(`$emulator.Endpoint)/_connectops/health").Status)"
`$emulator | Stop-ConnectEmulator
`$deadline = [DateTime]::UtcNow.AddSeconds(10)
while ((Get-Process -Id `$emulator.ProcessId -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt `$deadline) { Start-Sleep -Milliseconds 100 }
"EMULATOR_ALIVE=`$([bool](Get-Process -Id `$emulator.ProcessId -ErrorAction SilentlyContinue))"
"@
        # A private profile: PSResourceGet's repository list and CurrentUser module folder live under it.
        $environment = if ($IsWindows) { @{ LOCALAPPDATA = $script:UserData; USERPROFILE = $script:UserData } }
                       else { @{ HOME = $script:UserData; XDG_DATA_HOME = (Join-Path $script:UserData '.local/share'); XDG_CONFIG_HOME = (Join-Path $script:UserData '.config') } }
        # The folders must exist: .NET resolves a missing profile folder to '' (the current directory).
        $environment.Values | ForEach-Object { New-Item -ItemType Directory -Force -Path $_ | Out-Null }
        $run = Invoke-ChildPwsh -Script $script -Environment $environment -WorkingDirectory $TestDrive
        $run.ExitCode | Should -Be 0 -Because $run.Text
        $values = @{}
        foreach ($line in $run.Output) { if ($line -match '^([A-Z_]+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }

        # Install-PSResource put it under the private profile folder, not the user's.
        $values['INSTALLED'] | Should -BeLike "$($script:UserData)*"
        Get-PSResourceRepository -Name ConnectOpsTest -ErrorAction SilentlyContinue | Should -BeNullOrEmpty -Because "the user's repository list is untouched"
        Test-Path (Join-Path $script:RepoRoot 'PSResourceGet') | Should -BeFalse
        # The saved copy is what was imported, and it is complete.
        $values['MANIFEST_VALID'] | Should -Be $script:Version
        $values['MODULE_BASE'] | Should -Be (Join-Path $script:InstallPath "ConnectOps/$($script:Version)")
        [int]$values['CMDLETS'] | Should -Be (Import-PowerShellDataFile $script:ModuleFile).CmdletsToExport.Count
        $values['SYNOPSIS'] | Should -Match '^Compares a contact-centre config'
        $values['CONFIG_VALID'] | Should -Be 'True'
        $values['EMULATOR'] | Should -Match '^http://127\.0\.0\.1:\d+$'
        $values['EMULATOR_HEALTH'] | Should -Be 'ok'
        $values['EMULATOR_ALIVE'] | Should -Be 'False'
    }
}
