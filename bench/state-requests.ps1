#requires -Version 7.6
<#
.SYNOPSIS
    Prints the S3 requests one plan and one apply make with state in S3: reads, writes and lock calls.
.DESCRIPTION
    Starts moto_server (S3) and the Connect emulator on free loopback ports, creates a versioned bucket,
    and points a copy of examples/basic-instance at it. Then it runs, as a user would:
      1. Invoke-ConnectApply  (every resource created: the first apply)
      2. Invoke-ConnectPlan   (nothing to change)
      3. Invoke-ConnectApply  (one queue's MaxContacts changed: one update)
    and prints, per command, the requests the state backend made (counted on the client from the SDK's
    request events; each command reports them with -Verbose as "State requests: <operation> × <n>").
    The -LockTable switch locks in a DynamoDB table instead of the S3 lock object. It prints figures; it
    is not a timed test. Needs python3 with moto[server] and boto3.
.EXAMPLE
    dotnet pwsh ./bench/state-requests.ps1
.EXAMPLE
    dotnet pwsh ./bench/state-requests.ps1 -LockTable
#>
[CmdletBinding()]
param(
    # The laid-out module's manifest; default out/ConnectOps/<version>/ConnectOps.psd1 (build.ps1 -Task Module).
    [string] $ModulePath,
    [switch] $LockTable
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$root = Resolve-Path (Join-Path $PSScriptRoot '..')
if (-not $ModulePath) {
    $version = ([xml](Get-Content (Join-Path $root 'Directory.Build.props') -Raw)).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    $ModulePath = Join-Path $root "out/ConnectOps/$version/ConnectOps.psd1"
}
if (-not (Test-Path $ModulePath)) { throw "$ModulePath does not exist: run 'dotnet pwsh ./build.ps1 -Task Module' first." }
& python3 -c 'import moto.server, boto3' 2>$null
if ($LASTEXITCODE -ne 0) { throw 'python3 with moto[server] and boto3 is needed (pip install "moto[server]").' }

$env:AWS_ACCESS_KEY_ID = 'AKIAEXAMPLEBENCH'
$env:AWS_SECRET_ACCESS_KEY = 'connectops-bench-secret'
$env:AWS_CONFIG_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-config'
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) 'connectops-no-such-aws-credentials'
Import-Module $ModulePath -Force

$work = Join-Path ([IO.Path]::GetTempPath()) ('connectops-bench-' + [guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$moto = Start-Process -FilePath python3 -ArgumentList @('-m', 'moto.server', '-H', '127.0.0.1', '-p', "$port") -PassThru `
    -RedirectStandardOutput (Join-Path $work 'moto.out') -RedirectStandardError (Join-Path $work 'moto.err')
$motoEndpoint = "http://127.0.0.1:$port"
$emulator = $null
try {
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($true) {
        try { Invoke-WebRequest "$motoEndpoint/moto-api/" -TimeoutSec 2 | Out-Null; break }
        catch { if ([DateTime]::UtcNow -gt $deadline) { throw "moto_server did not start on $motoEndpoint" }; Start-Sleep -Milliseconds 200 }
    }
    $env:MOTO_ENDPOINT = $motoEndpoint
    $setup = @'
import boto3, os
kw = dict(endpoint_url=os.environ['MOTO_ENDPOINT'], region_name='eu-west-2')
s3 = boto3.client('s3', **kw)
s3.create_bucket(Bucket='connectops-bench', CreateBucketConfiguration={'LocationConstraint': 'eu-west-2'})
s3.put_bucket_versioning(Bucket='connectops-bench', VersioningConfiguration={'Status': 'Enabled'})
boto3.client('dynamodb', **kw).create_table(TableName='connectops-locks', BillingMode='PAY_PER_REQUEST',
    AttributeDefinitions=[{'AttributeName': 'LockID', 'AttributeType': 'S'}], KeySchema=[{'AttributeName': 'LockID', 'KeyType': 'HASH'}])
'@
    & python3 -c $setup
    if ($LASTEXITCODE -ne 0) { throw 'Could not create the bench bucket in moto.' }

    Copy-Item (Join-Path $root 'examples/basic-instance') (Join-Path $work 'config') -Recurse
    $config = Join-Path $work 'config/connectops.psd1'
    $lock = if ($LockTable) { "; LockTable = 'connectops-locks'" } else { '' }
    $text = (Get-Content $config -Raw) -replace "State\s*=\s*@\{[^}]*\}", "State = @{ Backend = 'S3'; Bucket = 'connectops-bench'; Key = 'bench/state.json'; Endpoint = '$motoEndpoint'$lock }"
    Set-Content -Path $config -Value $text -NoNewline

    $emulator = Start-ConnectEmulator -ResourceQuotas off
    function Measure-State([string] $Name, [scriptblock] $Command) {
        $records = & $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'State requests: *' }
        $counts = [ordered]@{}
        foreach ($r in $records) { if ($r.Message -match '^State requests: (\S+) × (\d+)$') { $counts[$Matches[1]] = [int]$Matches[2] } }
        $total = ($counts.Values | Measure-Object -Sum).Sum
        $reads = ($counts.Keys | Where-Object { $_ -match 'Get|Head|List' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum
        [pscustomobject]@{
            Command  = $Name
            Requests = [int]$total
            Reads    = [int]$reads
            Writes   = [int]($total - $reads)
            Detail   = ($counts.GetEnumerator() | ForEach-Object { "$($_.Key) x$($_.Value)" }) -join ', '
        }
    }
    $results = @(
        Measure-State 'apply (first: creates everything)' { Invoke-ConnectApply -ConfigPath $config -EndpointUrl $emulator.Endpoint -Force -Verbose | Out-Null }
        Measure-State 'plan (no changes)' { Invoke-ConnectPlan -ConfigPath $config -EndpointUrl $emulator.Endpoint -Verbose | Out-Null }
        & {
            (Get-Content $config -Raw) -replace 'MaxContacts(\s*)= 100', 'MaxContacts$1= 150' | Set-Content -Path $config -NoNewline
            Measure-State 'apply (one update)' { Invoke-ConnectApply -ConfigPath $config -EndpointUrl $emulator.Endpoint -Force -Verbose | Out-Null }
        }
    )
    "State backend: S3 with the $(if ($LockTable) { 'DynamoDB lock table' } else { 'S3 lock object' }) (moto_server). Lock calls are the PutObject/DeleteObject of the .lock object" +
        $(if ($LockTable) { ' (here: DynamoDB PutItem/DeleteItem)' } else { '' }) + '; GetBucketVersioning is the per-command bucket check.'
    $results | Format-Table -AutoSize | Out-String -Width 200
}
finally {
    if ($emulator) { $emulator | Stop-ConnectEmulator -Confirm:$false }
    if (-not $moto.HasExited) { Stop-Process -Id $moto.Id -Force }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
