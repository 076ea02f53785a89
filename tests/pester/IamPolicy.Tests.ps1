# Get-ConnectIamPolicy on examples/full-contact-center, as a user runs it: before the first apply (no state: Connect
# actions allow any instance, with a warning) and after it (scoped to the instance ARN state records).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulatorSession
    $script:Endpoint = $script:Emulator.Endpoint

    $script:Folder = Join-Path $TestDrive 'full-contact-center'
    Copy-Item (Join-Path $script:RepoRoot 'examples/full-contact-center') $script:Folder -Recurse
    Remove-Item (Join-Path $script:Folder '.connectops') -Recurse -Force -ErrorAction SilentlyContinue
    $script:Config = Join-Path $script:Folder 'connectops.psd1'

    # The agents' first password, where the example says to put it (Secrets Manager, json-1.1, Region from the signature).
    $headers = @{
        'X-Amz-Target'  = 'secretsmanager.CreateSecret'
        'Authorization' = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLETEST/20260101/eu-west-2/secretsmanager/aws4_request, SignedHeaders=host, Signature=0'
    }
    $body = @{ Name = 'connectops/full-example/agent-password'; SecretString = 'Example-Passw0rd' } | ConvertTo-Json
    Invoke-RestMethod -Uri "$script:Endpoint/" -Method Post -Headers $headers -Body $body -ContentType 'application/x-amz-json-1.1' | Out-Null
}

AfterAll {
    if ($script:Emulator) { $script:Emulator | Stop-ConnectEmulator -Confirm:$false }
    Remove-Module ConnectOps -Force -ErrorAction SilentlyContinue
}

Describe 'Get-ConnectIamPolicy' {
    It 'before the first apply allows any instance in the Region, and warns that it does' {
        $policy = Get-ConnectIamPolicy -ConfigPath $script:Config -AccountId 123456789012 -WarningVariable warnings -WarningAction SilentlyContinue
        $document = $policy.PolicyDocument | ConvertFrom-Json
        $document.Version | Should -Be '2012-10-17'
        $instance = $document.Statement | Where-Object Sid -EQ 'ConnectInstance'
        $instance.Resource | Should -Be 'arn:aws:connect:eu-west-2:123456789012:instance/*'
        $policy.InstanceArn | Should -BeNullOrEmpty
        $policy.Actions | Should -Contain 'connect:CreateInstance'
        "$warnings" | Should -Match 'instance/\*'
    }

    It 'after apply prints JSON that parses and scopes Connect actions to the instance ARN from state' {
        Invoke-ConnectApply -ConfigPath $script:Config -EndpointUrl $script:Endpoint -Force | Out-Null
        $instanceArn = Get-ConnectOutput -ConfigPath $script:Config -Name instance_arn
        $instanceArn | Should -Match '^arn:aws:connect:eu-west-2:\d{12}:instance/'

        $policy = Get-ConnectIamPolicy -ConfigPath $script:Config -WarningVariable warnings
        $warnings | Should -HaveCount 0
        $policy.InstanceArn | Should -Be $instanceArn
        "$policy" | Should -Be $policy.PolicyDocument
        $document = $policy.PolicyDocument | ConvertFrom-Json
        $statements = @($document.Statement)
        $statements.Effect | Sort-Object -Unique | Should -Be 'Allow'
        @(($statements | Where-Object Sid -EQ 'ConnectInstance').Resource) | Should -Be @($instanceArn, "$instanceArn/*")
        # No statement with a Connect action reaches another instance.
        foreach ($s in $statements | Where-Object { @($_.Action) -like 'connect:*' }) {
            foreach ($r in @($s.Resource)) {
                $r | Should -Match "^($([regex]::Escape($instanceArn))|arn:aws:connect:eu-west-2:\d{12}:phone-number/\*|\*)" -Because "$($s.Sid) allows $r"
            }
        }
        $policy.Actions | Should -Not -Contain 'connect:CreateInstance'
        $policy.Actions | Should -Contain 'connect:CreateUser'
        ($statements | Where-Object Sid -EQ 'UserPasswordSecrets').Resource | Should -Be 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:connectops/full-example/agent-password-??????'
    }

    It '-ReadOnly allows reads only' {
        $policy = Get-ConnectIamPolicy -ConfigPath $script:Config -ReadOnly
        $policy.ReadOnly | Should -BeTrue
        $policy.Actions | Where-Object { ($_ -split ':')[1] -notmatch '^(Describe|List|Search|Get)' } | Should -BeNullOrEmpty
        ($policy.PolicyDocument | ConvertFrom-Json).Statement.Count | Should -BeGreaterThan 0
    }

    It 'names the file when the config does not exist' {
        { Get-ConnectIamPolicy -ConfigPath (Join-Path $TestDrive 'missing.psd1') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectOps.ConfigNotFound,ConnectOps.Commands.GetConnectIamPolicyCommand'
    }
}
