# Shared by the Pester files (dot-sourced in BeforeAll; not a test file itself).
# build.ps1 -Task Test sets CONNECTOPS_MODULE_PATH (the laid-out manifest) and CONNECTOPS_REPO_ROOT; when a
# file is run by hand they default to this checkout and its out/ folder.

$script:RepoRoot = if ($env:CONNECTOPS_REPO_ROOT) { $env:CONNECTOPS_REPO_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }

function Get-TestModulePath {
    if ($env:CONNECTOPS_MODULE_PATH) { return $env:CONNECTOPS_MODULE_PATH }
    $props = [xml](Get-Content (Join-Path $script:RepoRoot 'Directory.Build.props') -Raw)
    $version = $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    Join-Path $script:RepoRoot "out/ConnectOps/$version/ConnectOps.psd1"
}

# The command line that starts another pwsh like this one, wherever the current directory is
# (`dotnet pwsh` only resolves inside the repository, so the tool's own pwsh.dll is used).
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    @($process)
}

# Runs $Script in a child `pwsh -NoProfile -NonInteractive` with extra environment variables; returns its
# exit code and output lines (stdout and stderr together, no colour).
function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = $script:RepoRoot
    )
    $commandLine = @(Get-PwshCommandLine)
    $saved = @{}
    $vars = @{ NO_COLOR = '1' } + $Environment
    foreach ($name in $vars.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $vars[$name])
    }
    Push-Location $WorkingDirectory
    try {
        $exe = $commandLine[0]
        $prefix = @($commandLine | Select-Object -Skip 1)
        $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
        $output = & $exe @prefix -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output); Text = ($output -join "`n") }
    }
    finally {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# Copies examples/basic-instance to $Destination (state then lands there, never in the repository) and
# gives the instance its own alias, so several copies can share one emulator.
function Copy-ConnectExample {
    param(
        [Parameter(Mandatory)] [string] $Destination,
        [string] $Alias
    )
    if (Test-Path $Destination) { Remove-Item $Destination -Recurse -Force }
    Copy-Item (Join-Path $script:RepoRoot 'examples/basic-instance') $Destination -Recurse
    $config = Join-Path $Destination 'connectops.psd1'
    if ($Alias) {
        $text = (Get-Content $config -Raw) -replace "Alias(\s*)= 'connectops-basic'", "Alias`$1= '$Alias'"
        Set-Content -Path $config -Value $text -NoNewline
    }
    $config
}

# Calls the emulator served, per "Service.Operation" (its admin endpoint).
function Get-EmulatorCalls {
    param([Parameter(Mandatory)] [string] $Endpoint)
    $calls = @{}
    $response = Invoke-RestMethod -Uri "$Endpoint/_connectops/calls" -Method Get
    foreach ($p in $response.Calls.PSObject.Properties) { $calls[$p.Name] = [int]$p.Value }
    $calls
}

function Reset-EmulatorCalls {
    param([Parameter(Mandatory)] [string] $Endpoint)
    Invoke-RestMethod -Uri "$Endpoint/_connectops/calls/reset" -Method Post | Out-Null
}

# Names of the mutating operations among the calls (Create*, Update*, Delete*, Associate*, Tag* …).
function Get-WriteCalls {
    param([hashtable] $Calls)
    @($Calls.Keys | Where-Object { ($_ -split '\.')[-1] -match '^(Create|Update|Delete|Associate|Disassociate|Tag|Untag|Put|Attach|Detach|Claim|Release)' } | Sort-Object)
}

# AWS credentials that keep tests away from the user's own profile: the emulator accepts any.
function Set-DummyAwsEnvironment {
    $env:AWS_ACCESS_KEY_ID = 'AKIAEXAMPLETEST'
    $env:AWS_SECRET_ACCESS_KEY = 'connectops-test-secret'
    $env:AWS_CONFIG_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-config'
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-credentials'
    Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
}

# How every emulator-backed Pester file starts: plain-text output, the module under test, dummy credentials, and an
# emulator with resource quotas off (each scenario applies its own instance; the default quota is 2 per Region).
# Returns the emulator: $script:Emulator = Start-TestEmulatorSession; stop it in AfterAll.
function Start-TestEmulatorSession {
    $PSStyle.OutputRendering = 'PlainText'
    Import-Module (Get-TestModulePath) -Force -Global
    Set-DummyAwsEnvironment
    Start-ConnectEmulator -ResourceQuotas off
}
