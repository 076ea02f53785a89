@{
    RootModule           = 'ConnectOps.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d2a57-3c0e-4b8e-9a51-0c7d3f6b9e24'
    Author               = 'ConnectOps contributors'
    CompanyName          = 'ConnectOps'
    Copyright            = '(c) ConnectOps contributors. Apache-2.0.'
    Description          = 'Amazon Connect contact centres as code: plan and apply a declarative .psd1, or make targeted changes with cmdlets over the same state. Includes an offline Amazon Connect emulator.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('ConnectOps.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Invoke-ConnectPlan'
        'Invoke-ConnectApply'
        'Test-ConnectConfig'
        'Get-ConnectState'
        'Get-ConnectOutput'
        'Unlock-ConnectState'
        'Move-ConnectStateResource'
        'Remove-ConnectStateResource'
        'Import-ConnectResource'
        'Sync-ConnectState'
        'Test-ConnectDrift'
        'Get-ConnectStateHistory'
        'Restore-ConnectState'
        'Export-ConnectState'
        'Import-ConnectState'
        'Move-ConnectState'
        'Start-ConnectEmulator'
        'Stop-ConnectEmulator'
        'Set-ConnectDefault'
        'Get-ConnectDefault'
        'Clear-ConnectDefault'
        'Get-ConnectQueue'
        'New-ConnectQueue'
        'Set-ConnectQueue'
        'Remove-ConnectQueue'
        'Get-ConnectHoursOfOperation'
        'New-ConnectHoursOfOperation'
        'Set-ConnectHoursOfOperation'
        'Remove-ConnectHoursOfOperation'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('AWS', 'AmazonConnect', 'Connect', 'ContactCenter', 'InfrastructureAsCode', 'PSEdition_Core')
            LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'
            ProjectUri   = 'https://github.com/connectops/connectops'
            ReleaseNotes = 'Plan and apply Instance, IAM role, log group, hours of operation and queues with local state.'
        }
    }
}
