# Every ```powershell block in README.md and docs/ parses, and every block that is a whole config (a
# hashtable starting with @{) passes Test-ConnectConfig with no error, so the docs never teach a config
# that ConnectOps refuses.

BeforeDiscovery {
    $root = if ($env:CONNECTOPS_REPO_ROOT) { $env:CONNECTOPS_REPO_ROOT } else { (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path }
    $files = @(Get-Item (Join-Path $root 'README.md')) + @(Get-ChildItem (Join-Path $root 'docs') -Recurse -Filter '*.md')
    $script:Blocks = foreach ($file in $files) {
        $lines = Get-Content $file.FullName
        $relative = [IO.Path]::GetRelativePath($root, $file.FullName).Replace('\', '/')
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^\s*```(powershell|ps1|pwsh)\s*$') {
                $start = $i + 1
                $body = [Collections.Generic.List[string]]::new()
                for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^\s*```\s*$'; $i++) { $body.Add($lines[$i]) }
                $code = $body -join "`n"
                @{ File = $relative; Line = $start; Code = $code; IsConfig = $code.TrimStart().StartsWith('@{') }
            }
        }
    }
    $script:Configs = @($script:Blocks | Where-Object { $_.IsConfig })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-TestModulePath) -Force
}

Describe 'PowerShell examples in the docs' {
    It 'finds the examples (<BlockCount> blocks, <ConfigCount> whole configs)' -ForEach @(@{ BlockCount = @($script:Blocks).Count; ConfigCount = $script:Configs.Count }) {
        $BlockCount | Should -BeGreaterThan 10
        $ConfigCount | Should -BeGreaterThan 0
    }

    It '<File>:<Line> parses' -ForEach $script:Blocks {
        $tokens = $null; $errors = $null
        [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors) | Out-Null
        $errors | Should -BeNullOrEmpty -Because "the block at $File line $Line must parse: $(($errors | ForEach-Object { "line $($Line + $_.Extent.StartLineNumber - 1): $($_.Message)" }) -join '; ')"
    }

    It '<File>:<Line> is a config Test-ConnectConfig accepts' -ForEach $script:Configs {
        $path = Join-Path $TestDrive ("{0}-{1}.psd1" -f ($File -replace '[\\/.]', '_'), $Line)
        Set-Content -Path $path -Value $Code
        $valid = Test-ConnectConfig -ConfigPath $path -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -BeNullOrEmpty -Because "the config at $File line $Line must be valid: $(($problems | ForEach-Object { "$_" }) -join ' | ')"
        $valid | Should -BeExactly $true
    }
}
