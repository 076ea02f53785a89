#requires -Version 7.6
<#
.SYNOPSIS
    Builds the module's help from docs/en-US: MAML for the cmdlets, plain text for about_ topics.
.DESCRIPTION
    platyPS is not available here, so this is the project's own converter for the platyPS-style markdown in
    docs/en-US (one <Cmdlet-Name>.md per cmdlet, about_*.help.md per concept topic).

    What comes from where:
      - syntax and parameter metadata (type, mandatory, position, pipeline input, aliases, parameter sets,
        ValidateSet values) come from the compiled cmdlets: the laid-out module is imported in a child pwsh
        and read with Get-Command, so the help can never disagree with the code;
      - synopsis, description, examples, parameter descriptions, default values, inputs, outputs, notes
        and links come from the markdown.

    A cmdlet the module exports that has no page still gets syntax and parameters (with a warning), so
    Get-Help is never empty; tests/pester/Help.Tests.ps1 fails until the page is written.

    -UpdateMarkdown rewrites each page's SYNTAX section and the metadata block under each parameter from
    the compiled cmdlets (keeping every description and default value), adds sections for new parameters,
    and writes a skeleton page for each exported cmdlet that has none: run it after changing a cmdlet's
    parameters, then fill in the TODOs.
.EXAMPLE
    ./tools/New-MamlHelp.ps1 -ModuleManifest out/ConnectOps/0.1.0/ConnectOps.psd1 -OutputPath out/ConnectOps/0.1.0/en-US
.EXAMPLE
    ./tools/New-MamlHelp.ps1 -ModuleManifest out/ConnectOps/0.1.0/ConnectOps.psd1 -UpdateMarkdown
.EXAMPLE
    ./tools/New-MamlHelp.ps1 -ModuleManifest out/ConnectOps/0.1.0/ConnectOps.psd1 -UpdateMarkdown -Name New-ConnectUser, Set-ConnectUser
#>
[CmdletBinding()]
param(
    # The laid-out module's manifest (out/ConnectOps/<version>/ConnectOps.psd1).
    [Parameter(Mandatory)] [string] $ModuleManifest,
    # The markdown pages.
    [string] $DocsPath = (Join-Path $PSScriptRoot '../docs/en-US'),
    # Where ConnectOps.dll-Help.xml and the about_*.help.txt files go (usually <module>/en-US).
    [string] $OutputPath,
    # Refresh SYNTAX and parameter metadata in the markdown from the compiled cmdlets; add missing pages.
    [switch] $UpdateMarkdown,
    # With -UpdateMarkdown: only these cmdlets' pages (wildcards allowed). Default: every exported cmdlet.
    [string[]] $Name = @('*'),
    # Metadata already read (a JSON file from an earlier run), instead of starting a child pwsh.
    [string] $MetadataPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 1.0

$CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

#region metadata from the compiled cmdlets

# Runs in a child pwsh (so the build's own session never loads the module it is laying out) and prints
# one JSON document describing every exported cmdlet.
$MetadataScript = @'
param([string] $Manifest)
$ErrorActionPreference = 'Stop'
$module = Import-Module $Manifest -PassThru
$common = [System.Management.Automation.Cmdlet]::CommonParameters
function TypeName([type] $t) {
    $name = if ($t.IsGenericType) { $t.Name -replace '`\d+$', '' } else { $t.Name }
    if ($t.FullName -like 'System.Management.Automation.SwitchParameter') { return 'SwitchParameter' }
    $name
}
$commands = foreach ($name in ($module.ExportedCmdlets.Keys | Sort-Object)) {
    $c = Get-Command $name -Module $module.Name
    if ($c.ParameterSets.Count -eq 0) {
        # PowerShell could not build the cmdlet's parameter metadata (the cmdlet cannot run either): say why.
        $problem = 'PowerShell reports no parameter sets.'
        try { & $name -ConnectOpsHelpProbe 2>$null | Out-Null }
        catch { if ($_.FullyQualifiedErrorId -notlike 'NamedParameterNotFound*') { $problem = $_.Exception.Message } }
        [ordered]@{ Name = $c.Name; Error = $problem }
        continue
    }
    $sets = foreach ($set in $c.ParameterSets) {
        [ordered]@{
            Name       = $set.Name
            IsDefault  = $set.IsDefault -or $c.ParameterSets.Count -eq 1
            Syntax     = "$($c.Name) $set".Trim()
            Parameters = @(foreach ($p in $set.Parameters) {
                if ($p.Name -in $common) { continue }
                $validateSet = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
                $enumValues = if ($p.ParameterType.IsEnum) { [Enum]::GetNames($p.ParameterType) }
                              elseif ($p.ParameterType.IsArray -and $p.ParameterType.GetElementType().IsEnum) { [Enum]::GetNames($p.ParameterType.GetElementType()) }
                [ordered]@{
                    Name          = $p.Name
                    Type          = TypeName $p.ParameterType
                    TypeFullName  = $p.ParameterType.FullName
                    IsSwitch      = $p.ParameterType -eq [System.Management.Automation.SwitchParameter]
                    IsArray       = $p.ParameterType.IsArray
                    Mandatory     = $p.IsMandatory
                    Position      = if ($p.Position -ge 0) { "$($p.Position)" } else { 'Named' }
                    ByValue       = $p.ValueFromPipeline
                    ByPropertyName = $p.ValueFromPipelineByPropertyName
                    RemainingArgs = $p.ValueFromRemainingArguments
                    Aliases       = @($p.Aliases)
                    ValidValues   = @(if ($validateSet) { $validateSet.ValidValues })
                    EnumValues    = @($enumValues)
                }
            })
        }
    }
    [ordered]@{
        Name                = $c.Name
        Verb                = $c.Verb
        Noun                = $c.Noun
        HelpFile            = $c.HelpFile
        DefaultParameterSet = $c.DefaultParameterSet
        SupportsShouldProcess = [bool]($c.Parameters.ContainsKey('WhatIf'))
        OutputTypes         = @($c.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } })
        ParameterSets       = @($sets)
    }
}
ConvertTo-Json -InputObject @($commands) -Depth 8
'@

function Get-CmdletMetadata {
    param([string] $Manifest)
    $process = [Environment]::ProcessPath
    $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $scriptFile = Join-Path ([IO.Path]::GetTempPath()) "connectops-help-metadata-$PID.ps1"
    Set-Content -Path $scriptFile -Value $MetadataScript
    try {
        $json = & $process @prefix -NoProfile -NonInteractive -File $scriptFile -Manifest (Resolve-Path $Manifest).Path
        if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlets from $Manifest failed (exit code $LASTEXITCODE): $json" }
    }
    finally { Remove-Item $scriptFile -ErrorAction SilentlyContinue }
    ($json -join "`n") | ConvertFrom-Json
}

#endregion

#region markdown

# Splits a page into its front matter, title and sections: ## headings, each with its ### subsections.
function Read-HelpMarkdown {
    param([string] $Path)
    $lines = (Get-Content -Path $Path -Raw) -split '\r?\n'
    $page = [ordered]@{ Path = $Path; Title = $null; Sections = [ordered]@{} }
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0] -eq '---') {
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i] -ne '---') { $i++ }
        $i++
    }
    $section = $null; $sub = $null; $inFence = $false
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^# (.+)$' -and -not $page.Title) { $page.Title = $Matches[1].Trim(); continue }
        if (-not $inFence -and $line -match '^## (.+)$') {
            $section = [ordered]@{ Name = $Matches[1].Trim().ToUpperInvariant(); Lines = [Collections.Generic.List[string]]::new(); Subsections = [Collections.Generic.List[object]]::new() }
            $page.Sections[$section.Name] = $section
            $sub = $null
            continue
        }
        if (-not $inFence -and $line -match '^### (.+)$' -and $section) {
            $sub = [ordered]@{ Title = $Matches[1].Trim(); Lines = [Collections.Generic.List[string]]::new() }
            $section.Subsections.Add($sub)
            continue
        }
        if ($sub) { $sub.Lines.Add($line) } elseif ($section) { $section.Lines.Add($line) }
    }
    $page
}

# Inline markdown to plain text: `code` -> code, **bold**/*em* -> text, [text](url) -> text (url).
function ConvertTo-PlainText {
    param([string] $Text)
    $t = $Text -replace '\*\*([^*]+)\*\*', '$1' -replace '(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])', '$1'
    $t = [regex]::Replace($t, '\[([^\]]+)\]\(([^)]+)\)', { param($m) if ($m.Groups[2].Value -match '^https?://') { "$($m.Groups[1].Value) ($($m.Groups[2].Value))" } else { $m.Groups[1].Value } })
    $t -replace '`([^`]+)`', '$1'
}

# Blocks of text: paragraphs (lines joined), list items (one block each), fenced code (lines kept).
function Get-TextBlock {
    param([string[]] $Lines)
    $blocks = [Collections.Generic.List[object]]::new()
    $current = [Collections.Generic.List[string]]::new()
    $code = $null
    $flush = {
        if ($current.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ Kind = 'Para'; Text = (ConvertTo-PlainText (($current | ForEach-Object { $_.Trim() }) -join ' ')) })
            $current.Clear()
        }
    }
    foreach ($line in $Lines) {
        if ($null -ne $code) {
            if ($line -match '^\s*```') {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Lang = $code.Lang; Text = ($code.Lines -join "`n") })
                $code = $null
            }
            else { $code.Lines.Add($line) }
            continue
        }
        if ($line -match '^\s*```(\w*)') { & $flush; $code = @{ Lang = $Matches[1]; Lines = [Collections.Generic.List[string]]::new() }; continue }
        if ($line -match '^\s*$') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush; $current.Add($line.Trim()); continue }
        if ($current.Count -gt 0 -and $current[0] -match '^([-*]|\d+\.)\s' -and $line -match '^\s{2,}\S') { $current.Add($line.Trim()); continue }
        $current.Add($line)
    }
    & $flush
    @($blocks)
}

function Get-Paragraph {
    param([string[]] $Lines)
    @(Get-TextBlock $Lines | ForEach-Object { if ($_.Kind -eq 'Code') { ($_.Text -split "`n" | ForEach-Object { "    $_" }) -join "`n" } else { $_.Text } })
}

# The page's parameter sections: name -> @{ Description = paras; Metadata = yaml key/values }.
function Get-ParameterDoc {
    param($Page)
    $result = @{}
    if (-not $Page.Sections.Contains('PARAMETERS')) { return $result }
    foreach ($sub in $Page.Sections['PARAMETERS'].Subsections) {
        if ($sub.Title -notmatch '^-(\w+)') { continue }
        $name = $Matches[1]
        $descLines = [Collections.Generic.List[string]]::new()
        $meta = [ordered]@{}
        $inYaml = $false
        foreach ($line in $sub.Lines) {
            if ($line -match '^```yaml') { $inYaml = $true; continue }
            if ($inYaml -and $line -match '^```') { $inYaml = $false; continue }
            if ($inYaml) { if ($line -match '^([^:]+):\s*(.*)$') { $meta[$Matches[1].Trim()] = $Matches[2].Trim() }; continue }
            $descLines.Add($line)
        }
        $result[$name] = @{ Description = @(Get-Paragraph $descLines); DescriptionLines = @($descLines); Metadata = $meta }
    }
    $result
}

function Get-ExampleDoc {
    param($Page)
    if (-not $Page.Sections.Contains('EXAMPLES')) { return @() }
    @(foreach ($sub in $Page.Sections['EXAMPLES'].Subsections) {
        $blocks = Get-TextBlock $sub.Lines
        $codeBlock = $blocks | Where-Object { $_.Kind -eq 'Code' } | Select-Object -First 1
        $rest = @($blocks | Where-Object { $_ -ne $codeBlock } | ForEach-Object { if ($_.Kind -eq 'Code') { ($_.Text -split "`n" | ForEach-Object { "    $_" }) -join "`n" } else { $_.Text } })
        [pscustomobject]@{ Title = $sub.Title; Code = if ($codeBlock) { $codeBlock.Text } else { '' }; Remarks = $rest }
    })
}

# INPUTS / OUTPUTS: "### TypeName" then a description.
function Get-TypeDoc {
    param($Page, [string] $Section)
    if (-not $Page.Sections.Contains($Section)) { return @() }
    $s = $Page.Sections[$Section]
    $items = @(foreach ($sub in $s.Subsections) { [pscustomobject]@{ Type = (ConvertTo-PlainText $sub.Title); Description = @(Get-Paragraph $sub.Lines) } })
    if ($items.Count -eq 0 -and ($s.Lines -join '').Trim()) { $items = @([pscustomobject]@{ Type = 'None'; Description = @(Get-Paragraph $s.Lines) }) }
    $items
}

function Get-LinkDoc {
    param($Page)
    if (-not $Page.Sections.Contains('RELATED LINKS')) { return @() }
    @(foreach ($line in $Page.Sections['RELATED LINKS'].Lines) {
        if ($line -match '\[([^\]]+)\]\(([^)]*)\)') {
            [pscustomobject]@{ Text = $Matches[1]; Uri = if ($Matches[2] -match '^https?://') { $Matches[2] } else { '' } }
        }
    })
}

#endregion

#region MAML

$Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Write-Paras {
    param([System.Xml.XmlWriter] $W, [string[]] $Paras)
    $W.WriteStartElement('maml', 'description', $Ns.maml)
    foreach ($p in @($Paras | Where-Object { $_ })) { $W.WriteElementString('maml', 'para', $Ns.maml, $p) }
    $W.WriteEndElement()
}

function Get-PipelineText($p) {
    if ($p.ByValue -and $p.ByPropertyName) { 'True (ByValue, ByPropertyName)' }
    elseif ($p.ByValue) { 'True (ByValue)' }
    elseif ($p.ByPropertyName) { 'True (ByPropertyName)' }
    else { 'False' }
}

$StandardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $W, $P, $Doc, [bool] $InSyntax)
    $W.WriteStartElement('command', 'parameter', $Ns.command)
    $W.WriteAttributeString('required', $P.Mandatory.ToString().ToLowerInvariant())
    $W.WriteAttributeString('variableLength', $P.IsArray.ToString().ToLowerInvariant())
    $wildcards = $Doc -and $Doc.Metadata.Contains('Accept wildcard characters') -and $Doc.Metadata['Accept wildcard characters'] -match '^True'
    $W.WriteAttributeString('globbing', $wildcards.ToString().ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', (Get-PipelineText $P))
    $W.WriteAttributeString('position', $P.Position.ToLowerInvariant())
    $W.WriteAttributeString('aliases', $(if ($P.Aliases.Count) { $P.Aliases -join ', ' } else { 'none' }))
    $W.WriteElementString('maml', 'name', $Ns.maml, $P.Name)
    $paras = @(if ($Doc -and $Doc.Description.Count) { $Doc.Description } elseif ($StandardDescriptions[$P.Name]) { $StandardDescriptions[$P.Name] })
    Write-Paras $W $paras
    if ($InSyntax -and $P.ValidValues.Count) {
        $W.WriteStartElement('command', 'parameterValueGroup', $Ns.command)
        foreach ($v in $P.ValidValues) {
            $W.WriteStartElement('command', 'parameterValue', $Ns.command)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('variableLength', 'false')
            $W.WriteString($v)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    elseif (-not $P.IsSwitch) {
        $W.WriteStartElement('command', 'parameterValue', $Ns.command)
        $W.WriteAttributeString('required', 'true')
        $W.WriteAttributeString('variableLength', $P.IsArray.ToString().ToLowerInvariant())
        $W.WriteString($P.Type)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $Ns.dev)
    $W.WriteElementString('maml', 'name', $Ns.maml, $P.TypeFullName)
    $W.WriteElementString('maml', 'uri', $Ns.maml, '')
    $W.WriteEndElement()
    $default = if ($Doc -and $Doc.Metadata.Contains('Default value')) { $Doc.Metadata['Default value'] } elseif ($P.IsSwitch) { 'False' } else { 'None' }
    $W.WriteElementString('dev', 'defaultValue', $Ns.dev, $default)
    $W.WriteEndElement()
}

function Write-CommandHelp {
    param([System.Xml.XmlWriter] $W, $Meta, $Page)
    $paramDocs = if ($Page) { Get-ParameterDoc $Page } else { @{} }
    $section = { param($name) if ($Page -and $Page.Sections.Contains($name)) { @(Get-Paragraph $Page.Sections[$name].Lines) } else { @() } }

    $W.WriteStartElement('command', 'command', $Ns.command)
    $W.WriteAttributeString('xmlns', 'maml', $null, $Ns.maml)
    $W.WriteAttributeString('xmlns', 'dev', $null, $Ns.dev)

    $W.WriteStartElement('command', 'details', $Ns.command)
    $W.WriteElementString('command', 'name', $Ns.command, $Meta.Name)
    $W.WriteElementString('command', 'verb', $Ns.command, $Meta.Verb)
    $W.WriteElementString('command', 'noun', $Ns.command, $Meta.Noun)
    Write-Paras $W (& $section 'SYNOPSIS')
    $W.WriteEndElement()

    Write-Paras $W (& $section 'DESCRIPTION')

    # Syntax: one item per parameter set, default set first, mandatory and positional parameters first.
    $W.WriteStartElement('command', 'syntax', $Ns.command)
    $sets = @($Meta.ParameterSets | Sort-Object { -not $_.IsDefault }, { $_.Name })
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $Ns.command)
        $W.WriteElementString('maml', 'name', $Ns.maml, $Meta.Name)
        $ordered = @($set.Parameters | Sort-Object { if ($_.Position -ne 'Named') { [int]$_.Position } else { 1000 } }, { -not $_.Mandatory })
        foreach ($p in $ordered) { Write-Parameter $W $p $paramDocs[$p.Name] $true }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    # Parameters: each once (first set that has it), in the page's order, then any the page lacks.
    $W.WriteStartElement('command', 'parameters', $Ns.command)
    $all = [ordered]@{}
    foreach ($set in $sets) { foreach ($p in $set.Parameters) { if (-not $all.Contains($p.Name)) { $all[$p.Name] = $p } } }
    $order = @()
    if ($Page -and $Page.Sections.Contains('PARAMETERS')) {
        $order = @($Page.Sections['PARAMETERS'].Subsections | ForEach-Object { if ($_.Title -match '^-(\w+)') { $Matches[1] } } | Where-Object { $all.Contains($_) })
    }
    $order += @($all.Keys | Where-Object { $_ -notin $order })
    foreach ($name in $order) {
        $p = $all[$name]
        # A parameter whose metadata differs between sets (mandatory in one, optional in another): say so.
        $inSets = @($Meta.ParameterSets | Where-Object { $_.Parameters | Where-Object { $_.Name -eq $name } })
        $p = $p.PSObject.Copy()
        $p.Mandatory = [bool](@($inSets | ForEach-Object { $_.Parameters | Where-Object { $_.Name -eq $name } } | Where-Object { $_.Mandatory }).Count -eq $inSets.Count)
        Write-Parameter $W $p $paramDocs[$name] $false
    }
    $W.WriteEndElement()

    $inputs = if ($Page) { Get-TypeDoc $Page 'INPUTS' } else { @() }
    $W.WriteStartElement('command', 'inputTypes', $Ns.command)
    foreach ($t in $inputs) {
        $W.WriteStartElement('command', 'inputType', $Ns.command)
        $W.WriteStartElement('dev', 'type', $Ns.dev); $W.WriteElementString('maml', 'name', $Ns.maml, $t.Type); $W.WriteEndElement()
        Write-Paras $W $t.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $outputs = if ($Page) { Get-TypeDoc $Page 'OUTPUTS' } else { @() }
    if ($outputs.Count -eq 0) { $outputs = @($Meta.OutputTypes | ForEach-Object { [pscustomobject]@{ Type = $_; Description = @() } }) }
    $W.WriteStartElement('command', 'returnValues', $Ns.command)
    foreach ($t in $outputs) {
        $W.WriteStartElement('command', 'returnValue', $Ns.command)
        $W.WriteStartElement('dev', 'type', $Ns.dev); $W.WriteElementString('maml', 'name', $Ns.maml, $t.Type); $W.WriteEndElement()
        Write-Paras $W $t.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $notes = & $section 'NOTES'
    $W.WriteStartElement('maml', 'alertSet', $Ns.maml)
    $W.WriteStartElement('maml', 'alert', $Ns.maml)
    foreach ($n in $notes) { $W.WriteElementString('maml', 'para', $Ns.maml, $n) }
    $W.WriteEndElement()
    $W.WriteEndElement()

    $examples = if ($Page) { Get-ExampleDoc $Page } else { @() }
    $W.WriteStartElement('command', 'examples', $Ns.command)
    foreach ($e in $examples) {
        $W.WriteStartElement('command', 'example', $Ns.command)
        $W.WriteElementString('maml', 'title', $Ns.maml, "--------- $($e.Title) ---------")
        $W.WriteElementString('dev', 'code', $Ns.dev, $e.Code)
        $W.WriteStartElement('dev', 'remarks', $Ns.dev)
        foreach ($r in $e.Remarks) { $W.WriteElementString('maml', 'para', $Ns.maml, $r) }
        $W.WriteEndElement()
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $Ns.command)
    foreach ($l in (& { if ($Page) { Get-LinkDoc $Page } })) {
        $W.WriteStartElement('maml', 'navigationLink', $Ns.maml)
        $W.WriteElementString('maml', 'linkText', $Ns.maml, $l.Text)
        $W.WriteElementString('maml', 'uri', $Ns.maml, $l.Uri)
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}

function Write-MamlFile {
    param([string] $Path, $Commands, [hashtable] $Pages)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $settings.NewLineChars = "`n"
    $w = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $w.WriteStartDocument()
        $w.WriteStartElement('helpItems', 'http://msh')
        $w.WriteAttributeString('schema', 'maml')
        foreach ($c in $Commands) { Write-CommandHelp $w $c $Pages[$c.Name] }
        $w.WriteEndElement()
        $w.WriteEndDocument()
    }
    finally { $w.Dispose() }
}

#endregion

#region about topics

# about_X.help.md -> about_X.help.txt in the classic layout Get-Help reads (TOPIC, then SHORT DESCRIPTION
# whose text is on line 5: Get-Help takes the synopsis from there), wrapped at 80 columns.
function ConvertTo-AboutText {
    param([string] $MarkdownPath)
    $page = Read-HelpMarkdown $MarkdownPath
    $name = [IO.Path]::GetFileName($MarkdownPath) -replace '\.help\.md$', ''
    $out = [Text.StringBuilder]::new()
    $wrap = {
        param([string] $text, [int] $indent, [int] $hanging = 0)
        $width = 80
        $lineText = ' ' * $indent
        $first = $true
        foreach ($word in ($text -split '\s+' | Where-Object { $_ })) {
            if ($lineText.Trim().Length -gt 0 -and $lineText.Length + 1 + $word.Length -gt $width) {
                [void]$out.AppendLine($lineText.TrimEnd())
                $lineText = ' ' * ($indent + $hanging)
                $first = $false
            }
            $lineText += $(if ($lineText.Trim().Length -gt 0) { ' ' } else { '' }) + $word
        }
        if ($lineText.Trim()) { [void]$out.AppendLine($lineText.TrimEnd()) }
    }
    [void]$out.AppendLine('TOPIC')
    [void]$out.AppendLine("    $name")
    [void]$out.AppendLine()
    foreach ($section in $page.Sections.Values) {
        [void]$out.AppendLine($section.Name)
        $parts = @(@{ Title = $null; Lines = $section.Lines }) + @($section.Subsections | ForEach-Object { @{ Title = $_.Title; Lines = $_.Lines } })
        foreach ($part in $parts) {
            if ($part.Title) { [void]$out.AppendLine("  $((ConvertTo-PlainText $part.Title).ToUpperInvariant())"); }
            $blocks = @(Get-TextBlock $part.Lines)
            for ($b = 0; $b -lt $blocks.Count; $b++) {
                $block = $blocks[$b]
                if ($block.Kind -eq 'Code') {
                    foreach ($l in $block.Text -split "`n") { [void]$out.AppendLine(("        $l").TrimEnd()) }
                }
                elseif ($block.Text -match '^([-*]|\d+\.)\s+(.*)$') {
                    $bullet = if ($Matches[1] -match '\d') { $Matches[1] } else { '-' }
                    & $wrap "$bullet $($Matches[2])" 4 ($bullet.Length + 1)
                }
                elseif ($section.Name -eq 'SHORT DESCRIPTION') { [void]$out.AppendLine("    $($block.Text)") } # one line: Get-Help reads line 5
                else { & $wrap $block.Text 4 }
                $nextIsBullet = $b + 1 -lt $blocks.Count -and $blocks[$b + 1].Kind -eq 'Para' -and $blocks[$b + 1].Text -match '^([-*]|\d+\.)\s' -and $block.Text -match '^([-*]|\d+\.)\s'
                if (-not $nextIsBullet) { [void]$out.AppendLine() }
            }
        }
    }
    $out.ToString().TrimEnd() + "`n"
}

#endregion

#region markdown update (SYNTAX and parameter metadata from the compiled cmdlets)

function Get-MetadataYaml {
    param($Meta, $P, $OldMeta)
    $sets = @($Meta.ParameterSets | Where-Object { $_.Parameters | Where-Object { $_.Name -eq $P.Name } })
    $setNames = if ($sets.Count -eq $Meta.ParameterSets.Count) { '(All)' } else { ($sets.Name | Sort-Object) -join ', ' }
    $mandatory = @($sets | ForEach-Object { $_.Parameters | Where-Object { $_.Name -eq $P.Name } } | Where-Object { $_.Mandatory }).Count
    $required = if ($mandatory -eq 0) { 'False' } elseif ($mandatory -eq $sets.Count) { 'True' } else { "True ($((@($sets | Where-Object { $_.Parameters | Where-Object { $_.Name -eq $P.Name -and $_.Mandatory } }).Name | Sort-Object) -join ', ')), False (others)" }
    $default = if ($OldMeta -and $OldMeta.Contains('Default value')) { $OldMeta['Default value'] } elseif ($P.IsSwitch) { 'False' } else { 'None' }
    $wild = if ($OldMeta -and $OldMeta.Contains('Accept wildcard characters')) { $OldMeta['Accept wildcard characters'] } else { 'False' }
    $lines = @(
        '```yaml'
        "Type: $($P.Type)"
        "Parameter Sets: $setNames"
        "Aliases: $(if ($P.Aliases.Count) { $P.Aliases -join ', ' })".TrimEnd()
    )
    $accepted = @($P.ValidValues) + @($P.EnumValues) | Where-Object { $_ }
    if ($accepted) { $lines += "Accepted values: $($accepted -join ', ')" }
    $lines += @(
        ''
        "Required: $required"
        "Position: $($P.Position)"
        "Default value: $default"
        "Accept pipeline input: $(Get-PipelineText $P)"
        "Accept wildcard characters: $wild"
        '```'
    )
    $lines
}

$CommonParametersText = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutBuffer, -OutVariable, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](https://go.microsoft.com/fwlink/?LinkID=113216).'

# The page as it should be: SYNTAX and the metadata blocks regenerated, everything else kept.
function Update-PageText {
    param($Meta, [string] $Path)
    $exists = Test-Path $Path
    $page = if ($exists) { Read-HelpMarkdown $Path } else { $null }
    $docs = if ($page) { Get-ParameterDoc $page } else { @{} }
    $sb = [Collections.Generic.List[string]]::new()
    $sb.Add('---'); $sb.Add('external help file: ConnectOps.dll-Help.xml'); $sb.Add('Module Name: ConnectOps'); $sb.Add('online version:'); $sb.Add('schema: 2.0.0'); $sb.Add('---'); $sb.Add('')
    $sb.Add("# $($Meta.Name)"); $sb.Add('')
    $keep = { param($name, [string[]] $fallback)
        if ($page -and $page.Sections.Contains($name)) {
            $s = $page.Sections[$name]
            $body = @($s.Lines)
            foreach ($sub in $s.Subsections) { $body += "### $($sub.Title)"; $body += @($sub.Lines) }
            $body = @($body)
            while ($body.Count -and -not $body[0].Trim()) { $body = @($body | Select-Object -Skip 1) }
            while ($body.Count -and -not $body[-1].Trim()) { $body = @($body | Select-Object -SkipLast 1) }
            $body
        } else { $fallback }
    }
    $sb.Add('## SYNOPSIS'); (& $keep 'SYNOPSIS' @('TODO: one sentence: what the cmdlet does.')) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## SYNTAX'); $sb.Add('')
    foreach ($set in @($Meta.ParameterSets | Sort-Object { -not $_.IsDefault }, { $_.Name })) {
        if ($Meta.ParameterSets.Count -gt 1) { $sb.Add("### $($set.Name)$(if ($set.IsDefault) { ' (Default)' })") }
        $sb.Add('```'); $sb.Add($set.Syntax); $sb.Add('```'); $sb.Add('')
    }
    $sb.Add('## DESCRIPTION'); (& $keep 'DESCRIPTION' @('TODO: what it does, how, and what it changes.')) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## EXAMPLES'); $sb.Add('')
    (& $keep 'EXAMPLES' @('### Example 1: TODO', '```powershell', "$($Meta.Name)", '```', '', 'TODO: what the example does.')) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## PARAMETERS'); $sb.Add('')
    $all = [ordered]@{}
    foreach ($set in @($Meta.ParameterSets | Sort-Object { -not $_.IsDefault }, { $_.Name })) { foreach ($p in $set.Parameters) { if (-not $all.Contains($p.Name)) { $all[$p.Name] = $p } } }
    $order = @()
    if ($page -and $page.Sections.Contains('PARAMETERS')) { $order = @($page.Sections['PARAMETERS'].Subsections | ForEach-Object { if ($_.Title -match '^-(\w+)$') { $Matches[1] } } | Where-Object { $all.Contains($_) }) }
    $order += @($all.Keys | Where-Object { $_ -notin $order } | Sort-Object { $_ -in 'WhatIf', 'Confirm' }, { $_ })
    foreach ($name in $order) {
        $sb.Add("### -$name")
        $desc = @(if ($docs.ContainsKey($name)) { $docs[$name].DescriptionLines } elseif ($StandardDescriptions[$name]) { $StandardDescriptions[$name] } else { 'TODO: what the parameter does.' })
        while ($desc.Count -and -not $desc[0].Trim()) { $desc = @($desc | Select-Object -Skip 1) }
        while ($desc.Count -and -not $desc[-1].Trim()) { $desc = @($desc | Select-Object -SkipLast 1) }
        $desc | ForEach-Object { $sb.Add($_) }
        $sb.Add('')
        Get-MetadataYaml $Meta $all[$name] $(if ($docs.ContainsKey($name)) { $docs[$name].Metadata }) | ForEach-Object { $sb.Add($_) }
        $sb.Add('')
    }
    $sb.Add('### CommonParameters'); $sb.Add($CommonParametersText); $sb.Add('')
    $sb.Add('## INPUTS'); $sb.Add(''); (& $keep 'INPUTS' @('### None', 'TODO')) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## OUTPUTS'); $sb.Add(''); (& $keep 'OUTPUTS' @($Meta.OutputTypes | ForEach-Object { "### $_"; 'TODO'; '' })) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## NOTES'); (& $keep 'NOTES' @('')) | ForEach-Object { $sb.Add($_) }; $sb.Add('')
    $sb.Add('## RELATED LINKS'); $sb.Add(''); (& $keep 'RELATED LINKS' @('[about_ConnectOps](about_ConnectOps.help.md)')) | ForEach-Object { $sb.Add($_) }
    (($sb -join "`n") -replace "\n{3,}", "`n`n").TrimEnd() + "`n"
}

#endregion

$metadata = if ($MetadataPath) { Get-Content $MetadataPath -Raw | ConvertFrom-Json } else { Get-CmdletMetadata -Manifest $ModuleManifest }
$commands = @(foreach ($c in @($metadata)) {
    if ($c.PSObject.Properties['Error']) {
        # Not fatal here: the build goes on, and tests/pester/Help.Tests.ps1 fails for this cmdlet with the reason.
        Write-Warning "$($c.Name) has no usable parameter metadata, so it gets no help: $($c.Error)"
        continue
    }
    $c
})
$DocsPath = (Resolve-Path $DocsPath).Path

if ($UpdateMarkdown) {
    foreach ($c in $commands | Where-Object { $n = $_.Name; @($Name | Where-Object { $n -like $_ }).Count -gt 0 }) {
        $path = Join-Path $DocsPath "$($c.Name).md"
        $text = Update-PageText $c $path
        $old = if (Test-Path $path) { Get-Content $path -Raw } else { $null }
        if ($old -ne $text) {
            Set-Content -Path $path -Value $text -NoNewline
            Write-Host "$(if ($old) { 'Updated' } else { 'Created' }) $path"
        }
    }
}

if ($OutputPath) {
    New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null
    $pages = @{}
    foreach ($c in $commands) {
        $path = Join-Path $DocsPath "$($c.Name).md"
        if (Test-Path $path) { $pages[$c.Name] = Read-HelpMarkdown $path }
        else { Write-Warning "docs/en-US has no page for $($c.Name): its help has syntax and parameters only. Run tools/New-MamlHelp.ps1 -UpdateMarkdown to start one." }
    }
    $helpFile = @($commands | ForEach-Object { $_.HelpFile } | Where-Object { $_ } | Select-Object -First 1)
    $mamlName = if ($helpFile) { $helpFile[0] } else { 'ConnectOps.dll-Help.xml' }
    Write-MamlFile -Path (Join-Path $OutputPath $mamlName) -Commands $commands -Pages $pages
    foreach ($about in Get-ChildItem $DocsPath -Filter 'about_*.help.md') {
        $target = Join-Path $OutputPath ($about.Name -replace '\.md$', '.txt')
        Set-Content -Path $target -Value (ConvertTo-AboutText $about.FullName) -NoNewline -Encoding utf8NoBOM
    }
    Write-Host "Help written to $OutputPath ($($commands.Count) cmdlets, $($pages.Count) documented)"
}
