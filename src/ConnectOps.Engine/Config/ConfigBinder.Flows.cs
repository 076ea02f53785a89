using System.Text.Json;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Model;
using ConnectOps.Engine.Reconcilers.ContactFlows;

namespace ConnectOps.Engine.Config;

// ContactFlows = @( @{ Name; Type; Path | Content; Description; Status; Tags } )
public sealed partial class ConfigBinder
{
    /// <summary>The API reference caps flow content at 256,000 characters.</summary>
    private const int MaxFlowContent = 256_000;

    private readonly Dictionary<string, ContactFlowType> _flowTypes = new(StringComparer.OrdinalIgnoreCase);

    private ContactFlowSpec? BindContactFlow(MapReader r)
    {
        var name = r.String("Name", required: true, max: MaxNameLength, example: "'MainFlow'");
        if (name is not null) _names.Declare(Component.ContactFlows, name, r.PositionOf("Name"), r.KeyPath("Name"), "Contact flow");
        var type = r.Enum<ContactFlowType>("Type", required: true);
        if (name is not null && type is not null) _flowTypes.TryAdd(name, type.Value);
        var description = r.String("Description", max: 500);
        var status = r.Enum<ContactFlowStatus>("Status") ?? ContactFlowStatus.Published;
        var path = r.String("Path", max: 4096, example: "'./flows/main-flow.json'");
        var inline = r.String("Content", max: MaxFlowContent);
        var tags = r.Tags();
        if (path is not null && inline is not null)
        {
            _ctx.Error(ConfigErrorCodes.Conflict, "Give either Path (a flow file) or Content (inline JSON), not both.", r.PositionOf("Content"), r.KeyPath("Content"));
            return null;
        }
        if (path is null && inline is null)
        {
            if (!r.Has("Path") && !r.Has("Content")) r.Missing("Path", "'./flows/main-flow.json'");
            return null;
        }
        string fullPath, content;
        if (path is not null)
        {
            fullPath = Path.GetFullPath(path, _ctx.ConfigDirectory);
            if (ReadFlowFile(fullPath, r) is not { } text) return null;
            content = text;
        }
        else
        {
            fullPath = _ctx.ConfigPath;
            content = inline!;
        }
        var filePosition = path is not null ? new SourcePosition(fullPath, 1, 1) : r.PositionOf("Content");
        if (!CheckFlowJson(content, path is not null ? fullPath : null, filePosition, r)) return null;
        CheckPlaceholders(content, path is not null ? fullPath : null, filePosition, r);
        if (!ValidateFlow(name, type, content, path is not null ? fullPath : null, filePosition, r, path is not null ? "Path" : "Content")) return null;
        return name is null || type is null ? null : new ContactFlowSpec(name, type.Value, description, fullPath, content, status, tags, r.Map.Position);
    }

    private string? ReadFlowFile(string fullPath, MapReader r)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                _ctx.Error(ConfigErrorCodes.FlowFile, $"The flow file '{fullPath}' does not exist. Paths are relative to the config file's folder.", r.PositionOf("Path"), r.KeyPath("Path"));
                return null;
            }
            if (info.Length > MaxFlowContent * 4L)
            {
                _ctx.Error(ConfigErrorCodes.TooLong, $"The flow file '{fullPath}' is {info.Length} bytes; Amazon Connect accepts at most {MaxFlowContent} characters of flow content.", r.PositionOf("Path"), r.KeyPath("Path"));
                return null;
            }
            var text = File.ReadAllText(fullPath);
            if (text.Length > MaxFlowContent)
            {
                _ctx.Error(ConfigErrorCodes.TooLong, $"The flow file '{fullPath}' has {text.Length} characters; Amazon Connect accepts at most {MaxFlowContent}.", r.PositionOf("Path"), r.KeyPath("Path"));
                return null;
            }
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            _ctx.Error(ConfigErrorCodes.FlowFile, $"The flow file '{fullPath}' could not be read: {e.Message}", r.PositionOf("Path"), r.KeyPath("Path"));
            return null;
        }
    }

    private bool CheckFlowJson(string content, string? file, SourcePosition fallback, MapReader r)
    {
        try
        {
            using var doc = JsonDocument.Parse(content);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                _ctx.Error(ConfigErrorCodes.FlowFile, "Flow content must be a JSON object { \"Version\": \"2019-10-30\", \"StartAction\": ..., \"Actions\": [...] }.", fallback, r.Path);
                return false;
            }
            return true;
        }
        catch (JsonException e)
        {
            var position = file is not null && e.LineNumber is { } line
                ? new SourcePosition(file, (int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1)
                : fallback;
            _ctx.Error(ConfigErrorCodes.FlowFile, $"The flow content is not valid JSON: {e.Message}", position, r.Path);
            return false;
        }
    }

    /// <summary>
    /// Finds the flow in the file (bare, or inside a {ContactFlow:{...}} / {Name,Type,Content} wrapper) and runs the
    /// structural validator: errors and warnings name the flow file, the line and the action identifier.
    /// Placeholders are checked by CheckPlaceholders (with their own positions), not again here.
    /// </summary>
    private bool ValidateFlow(string? name, ContactFlowType? type, string content, string? file, SourcePosition fallback, MapReader r, string key)
    {
        var document = FlowDocument.Read(content);
        SourcePosition At(string flowPath) =>
            file is not null && document.PositionOf(flowPath) is { } p ? new SourcePosition(file, p.Line, p.Column) : fallback;
        var keyPath = r.KeyPath(key);
        var label = name is null ? "The flow" : $"Flow '{name}'";
        if (document.Flow is null)
        {
            _ctx.Error(ConfigErrorCodes.FlowFile, $"{label}: {document.Error}", At(""), keyPath);
            return false;
        }
        if (document.DeclaredType is { } declared && type is { } configured && !string.Equals(declared, EnumWire.ToWire(configured), StringComparison.OrdinalIgnoreCase))
        {
            _ctx.Warning(ConfigErrorCodes.FlowWarning,
                $"{label}: the file says Type '{declared}' but the config says '{EnumWire.ToWire(configured)}'; the config's Type is used.", At("Type"), keyPath);
        }
        var ok = true;
        foreach (var problem in FlowValidator.Validate(document.Flow))
        {
            var message = $"{label}{(problem.Action is null ? "" : $", action '{problem.Action}'")}: {problem.Message}";
            if (problem.Severity == FlowProblemSeverity.Warning)
            {
                _ctx.Warning(ConfigErrorCodes.FlowWarning, message, At(problem.Path), keyPath);
            }
            else
            {
                _ctx.Error(ConfigErrorCodes.InvalidFlow, message, At(problem.Path), keyPath);
                ok = false;
            }
        }
        return ok;
    }

    private void CheckPlaceholders(string content, string? file, SourcePosition fallback, MapReader r)
    {
        var found = FlowPlaceholders.Find(content, out var invalid);
        foreach (var (text, error, line, column) in invalid)
        {
            _ctx.Error(ConfigErrorCodes.UnresolvedPlaceholder, $"The placeholder {text} does not name a resource: {error}",
                file is null ? fallback : new SourcePosition(file, line, column), r.Path);
        }
        foreach (var match in found)
        {
            _ctx.References.Add(new PendingReference(match.Address.Component, match.Address.Key ?? "",
                file is null ? fallback : new SourcePosition(file, match.Line, match.Column), r.Path, null) { IsPlaceholder = true });
        }
    }
}
