using System.Globalization;
using System.Management.Automation.Language;
using System.Numerics;
using ConnectOps.Engine.Abstractions;
using ConnectOps.Engine.Config;

namespace ConnectOps.Hosting;

/// <summary>
/// Reads a ConnectOps .psd1 into the engine's neutral config tree. The file is parsed with the
/// PowerShell parser and never run: the AST is walked with an allow-list (hashtables, @( ) and comma
/// lists, string constants and variable-free expandable strings, numbers, negative numbers,
/// $true/$false/$null, parentheses around those). Anything else is a config error at its position.
/// Unlike SafeGetValue/Import-PowerShellDataFile there is no node limit, so a 1,000-user file reads.
/// </summary>
// Internal: a public type implementing an engine interface would make PowerShell load the engine while it
// scans the module for cmdlets, before the module initializer can route it to dependencies/.
internal sealed class PsdConfigReader : IConfigReader
{
    /// <summary>Deeper nesting than this is refused (a real config nests about six levels).</summary>
    internal const int MaxDepth = 64;

    public ConfigReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return ConfigReadResult.Failed(new ConfigError(ConfigErrorCodes.FileNotFound,
                $"The config file '{path}' does not exist. Create it (see docs/CONFIGURATION.md) or pass -ConfigPath with the right path.",
                null, ""));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConfigReadResult.Failed(new ConfigError(ConfigErrorCodes.FileNotFound,
                $"The config file '{path}' could not be read: {e.Message}", null, ""));
        }
        return ReadText(text, path);
    }

    /// <summary>Reads config text; <paramref name="fileName"/> is used for positions only.</summary>
    public ConfigReadResult ReadText(string text, string fileName)
    {
        var ast = Parser.ParseInput(text, fileName, out _, out var parseErrors);
        if (parseErrors.Length > 0)
        {
            var lineLengths = LineLengths(text);
            var errors = parseErrors
                .Select(e => new ConfigError(ConfigErrorCodes.ParseError,
                    $"{e.Message.TrimEnd('.')}. Fix the PowerShell syntax here; a ConnectOps config is one hashtable @{{ ... }}.",
                    Clamp(PositionOf(e.Extent, fileName), lineLengths), ""))
                .ToList();
            return new ConfigReadResult(null, errors);
        }
        var walker = new Walker(fileName);
        var root = walker.ReadDocument(ast);
        return new ConfigReadResult(walker.Errors.Count == 0 ? root : null, walker.Errors);
    }

    /// <summary>
    /// The parser reports end-of-input errors just past the last character (even past the end of the last
    /// line); such positions are pulled back onto the end of the text so every error points into the file.
    /// </summary>
    private static SourcePosition Clamp(SourcePosition p, IReadOnlyList<int> lineLengths)
    {
        var line = Math.Min(p.Line, lineLengths.Count);
        var column = line < p.Line ? lineLengths[line - 1] + 1 : Math.Min(p.Column, lineLengths[line - 1] + 1);
        return p with { Line = line, Column = column };
    }

    private static List<int> LineLengths(string text)
    {
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n')) continue;
            lengths.Add(i - start);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        lengths.Add(text.Length - start);
        return lengths;
    }

    internal static SourcePosition PositionOf(IScriptExtent extent, string fileName) =>
        new(fileName, Math.Max(1, extent.StartLineNumber), Math.Max(1, extent.StartColumnNumber));

    private sealed class Walker(string fileName)
    {
        private const string Allowed =
            "A ConnectOps config is read, never run: use only hashtables @{ }, lists @( ), quoted strings, numbers, $true, $false and $null.";

        public List<ConfigError> Errors { get; } = [];

        public ConfigNode? ReadDocument(ScriptBlockAst ast)
        {
            if (ast.ParamBlock is not null) NotAllowed(ast.ParamBlock, "A param() block");
            foreach (var block in new[] { ast.DynamicParamBlock, ast.BeginBlock, ast.ProcessBlock })
            {
                if (block is not null && !block.Unnamed) NotAllowed(block, $"A '{block.BlockKind.ToString().ToLowerInvariant()}' block");
            }
            var statements = ast.EndBlock?.Statements ?? (IReadOnlyList<StatementAst>)Array.Empty<StatementAst>();
            if (statements.Count == 0)
            {
                Errors.Add(new ConfigError(ConfigErrorCodes.NotAHashtable,
                    "The config file is empty. It must contain one hashtable: @{ Region = '...'; Instance = @{ ... } }.",
                    new SourcePosition(fileName, 1, 1), ""));
                return null;
            }
            if (statements.Count > 1)
            {
                Errors.Add(new ConfigError(ConfigErrorCodes.NotAHashtable,
                    "The config file must contain exactly one hashtable @{ ... }; this is a second statement. Move these settings inside the hashtable.",
                    Pos(statements[1]), ""));
            }
            var root = ReadStatement(statements[0], "", 0);
            if (root is not null and not ConfigMap)
            {
                Errors.Add(new ConfigError(ConfigErrorCodes.NotAHashtable,
                    $"The config must be a hashtable @{{ ... }}, not {root.Describe()}.", root.Position, ""));
                return null;
            }
            return root;
        }

        private ConfigNode? ReadStatement(StatementAst statement, string keyPath, int depth)
        {
            if (statement is PipelineAst { PipelineElements.Count: 1 } pipeline &&
                pipeline.PipelineElements[0] is CommandExpressionAst { Redirections.Count: 0 } command)
            {
                return ReadExpression(command.Expression, keyPath, depth);
            }
            if (statement is PipelineAst { PipelineElements.Count: 1 } single && single.PipelineElements[0] is CommandAst cmd)
            {
                var name = cmd.GetCommandName();
                var hint = name is not null && cmd.CommandElements.Count == 1 && cmd.CommandElements[0] is StringConstantExpressionAst
                    ? $" If '{name}' is meant as text, quote it: '{name}'."
                    : "";
                NotAllowed(statement, $"The command '{name ?? cmd.Extent.Text}'", keyPath, hint);
                return null;
            }
            NotAllowed(statement, Describe(statement), keyPath);
            return null;
        }

        private ConfigNode? ReadExpression(ExpressionAst expression, string keyPath, int depth)
        {
            if (depth > MaxDepth)
            {
                Errors.Add(new ConfigError(ConfigErrorCodes.NotAllowed,
                    $"Values are nested more than {MaxDepth} levels deep here. A ConnectOps config nests a few levels at most; check for runaway @( @( ... ) ).",
                    Pos(expression), keyPath));
                return null;
            }
            switch (expression)
            {
                case HashtableAst hashtable:
                    return ReadHashtable(hashtable, keyPath, depth + 1);
                case ArrayExpressionAst array:
                    return ReadArrayExpression(array, keyPath, depth + 1);
                case ArrayLiteralAst literal:
                    return ReadList(literal, literal.Elements, keyPath, depth + 1);
                case StringConstantExpressionAst constant:
                    return ConfigScalar.String(Pos(constant), constant.Value);
                case ExpandableStringExpressionAst expandable:
                    if (expandable.NestedExpressions.Count > 0)
                    {
                        var nested = expandable.NestedExpressions[0];
                        Errors.Add(new ConfigError(ConfigErrorCodes.NotAllowed,
                            $"'{nested.Extent.Text}' inside a double-quoted string is not allowed: the config is read, never run, so nothing is expanded. Use a single-quoted string, or escape the dollar sign as `$.",
                            Pos(nested), keyPath));
                        return null;
                    }
                    return ConfigScalar.String(Pos(expandable), expandable.Value);
                case ConstantExpressionAst number:
                    return Number(number, number.Value, negate: false, keyPath);
                case UnaryExpressionAst { TokenKind: TokenKind.Minus or TokenKind.Plus, Child: ConstantExpressionAst inner } unary
                    when inner is not StringConstantExpressionAst:
                    return Number(unary, inner.Value, unary.TokenKind == TokenKind.Minus, keyPath);
                case VariableExpressionAst variable:
                    return ReadVariable(variable, keyPath);
                case ParenExpressionAst paren:
                    return ReadStatement(paren.Pipeline, keyPath, depth + 1);
                default:
                    NotAllowed(expression, Describe(expression), keyPath);
                    return null;
            }
        }

        private ConfigMap? ReadHashtable(HashtableAst hashtable, string keyPath, int depth)
        {
            var entries = new List<ConfigMapEntry>(hashtable.KeyValuePairs.Count);
            var seen = new Dictionary<string, SourcePosition>(StringComparer.OrdinalIgnoreCase);
            var ok = true;
            foreach (var pair in hashtable.KeyValuePairs)
            {
                string? key = pair.Item1 switch
                {
                    StringConstantExpressionAst s => s.Value,
                    ExpandableStringExpressionAst { NestedExpressions.Count: 0 } e => e.Value,
                    _ => null,
                };
                if (key is null)
                {
                    Errors.Add(new ConfigError(ConfigErrorCodes.NotAllowed,
                        $"The key '{pair.Item1.Extent.Text}' is not allowed: hashtable keys must be plain names (Name = ...) or quoted strings ('main line' = ...).",
                        Pos(pair.Item1), keyPath));
                    ok = false;
                    continue;
                }
                var childPath = keyPath.Length == 0 ? key : $"{keyPath}.{key}";
                var keyPos = Pos(pair.Item1);
                if (seen.TryGetValue(key, out var first))
                {
                    Errors.Add(new ConfigError(ConfigErrorCodes.DuplicateKey,
                        $"The key '{key}' appears twice in this hashtable (first at line {first.Line}); keys are case-insensitive. Keep one.",
                        keyPos, childPath));
                    ok = false;
                    continue;
                }
                seen.Add(key, keyPos);
                var value = ReadStatement(pair.Item2, childPath, depth);
                if (value is null)
                {
                    ok = false;
                    continue;
                }
                entries.Add(new ConfigMapEntry(key, keyPos, value));
            }
            return ok ? new ConfigMap(Pos(hashtable), entries) : null;
        }

        private ConfigList? ReadArrayExpression(ArrayExpressionAst array, string keyPath, int depth)
        {
            // @( a \n b ) or @( a, b ): each statement's output is enumerated one level, as PowerShell does.
            var items = new List<ConfigNode>();
            var ok = true;
            var block = array.SubExpression;
            if (block.Traps is { Count: > 0 })
            {
                NotAllowed(block.Traps[0], "A trap statement", keyPath);
                return null;
            }
            foreach (var statement in block.Statements)
            {
                var value = ReadStatement(statement, $"{keyPath}[{items.Count}]", depth);
                switch (value)
                {
                    case null: ok = false; break;
                    case ConfigList list: items.AddRange(list.Items); break;
                    default: items.Add(value); break;
                }
            }
            return ok ? new ConfigList(Pos(array), items) : null;
        }

        private ConfigList? ReadList(Ast at, IReadOnlyList<ExpressionAst> elements, string keyPath, int depth)
        {
            var items = new List<ConfigNode>(elements.Count);
            var ok = true;
            for (var i = 0; i < elements.Count; i++)
            {
                var value = ReadExpression(elements[i], $"{keyPath}[{i}]", depth);
                if (value is null) ok = false;
                else items.Add(value);
            }
            return ok ? new ConfigList(Pos(at), items) : null;
        }

        private ConfigScalar? ReadVariable(VariableExpressionAst variable, string keyPath)
        {
            var path = variable.VariablePath;
            if (!variable.Splatted && path.IsUnscopedVariable)
            {
                switch (path.UserPath.ToLowerInvariant())
                {
                    case "true": return ConfigScalar.Boolean(Pos(variable), true);
                    case "false": return ConfigScalar.Boolean(Pos(variable), false);
                    case "null": return ConfigScalar.Null(Pos(variable));
                }
            }
            NotAllowed(variable, $"The variable '{variable.Extent.Text}'", keyPath,
                " Only $true, $false and $null may be used; write the value itself (quote text: '...').");
            return null;
        }

        private ConfigScalar? Number(Ast at, object? value, bool negate, string keyPath)
        {
            var pos = Pos(at);
            switch (value)
            {
                case int or long or short or sbyte or byte or ushort or uint:
                    var l = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    return ConfigScalar.Integer(pos, negate ? -l : l);
                case ulong u when u <= long.MaxValue:
                    return ConfigScalar.Integer(pos, negate ? -(long)u : (long)u);
                case BigInteger b when b >= long.MinValue && b <= long.MaxValue:
                    return ConfigScalar.Integer(pos, negate ? -(long)b : (long)b);
                case ulong or BigInteger or decimal or double or float:
                    var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    return ConfigScalar.Double(pos, negate ? -d : d);
                case bool bo when !negate:
                    return ConfigScalar.Boolean(pos, bo);
                case null when !negate:
                    return ConfigScalar.Null(pos);
                default:
                    NotAllowed(at, $"The value '{at.Extent.Text}'", keyPath);
                    return null;
            }
        }

        private void NotAllowed(Ast ast, string what, string keyPath = "", string hint = "")
        {
            Errors.Add(new ConfigError(ConfigErrorCodes.NotAllowed, $"{what} is not allowed here. {Allowed}{hint}", Pos(ast), keyPath));
        }

        private SourcePosition Pos(Ast ast) => PositionOf(ast.Extent, fileName);

        private static string Describe(Ast ast) => ast switch
        {
            SubExpressionAst => "A subexpression $( )",
            ScriptBlockExpressionAst => "A script block { }",
            InvokeMemberExpressionAst => "A method call",
            MemberExpressionAst => "A property access",
            IndexExpressionAst => "An index expression",
            ConvertExpressionAst => "A type conversion [type]",
            TypeExpressionAst => "A type literal [type]",
            BinaryExpressionAst b => $"The operator '{b.Operator}'",
            UnaryExpressionAst => "A unary operator",
            AttributedExpressionAst => "An attribute or type constraint",
            UsingExpressionAst => "A $using: variable",
            ExpandableStringExpressionAst => "An expandable string",
            PipelineAst { PipelineElements.Count: > 1 } => "A pipeline |",
            AssignmentStatementAst => "An assignment",
            IfStatementAst => "An 'if' statement",
            LoopStatementAst or ForEachStatementAst => "A loop",
            FunctionDefinitionAst => "A function definition",
            TypeDefinitionAst => "A class or enum definition",
            _ => $"This {ast.GetType().Name.Replace("Ast", "", StringComparison.Ordinal)}",
        };
    }
}
