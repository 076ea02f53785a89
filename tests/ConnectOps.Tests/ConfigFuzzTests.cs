using System.Text;
using ConnectOps.Engine.Config;

namespace ConnectOps.Tests;

/// <summary>
/// Deterministic mutations of a valid config through the reader and binder: nothing may throw, and every
/// error must carry a position inside the file.
/// </summary>
public sealed class ConfigFuzzTests : IDisposable
{
    private const int Mutations = 1200;
    private const string Alphabet = "abcXYZ019 _-.:/@'\"`$(){}[];,=+#\t\r\n\\|&<>!?*é中\u0000\u0007";
    private static readonly string[] Junk =
    [
        "$true", "$null", "@()", "@{}", "1", "-1", "9999999999999999999999", "1.5e308", "'x'", "\"$x\"", "$(1)", "{ 1 }",
        "Get-Date", "@(@(@(1)))", "@{ A = }", "'", "\"", "@'", "#", "<#", ",", ";", "@{ Name = 'a'; Name = 'b' }",
    ];

    private readonly ConfigFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void MutatedConfigsNeverThrowAndEveryErrorIsInsideTheFile()
    {
        _fx.Write("flows/main-flow.json", ConfigSamples.MainFlow);
        var baseline = ConfigSamples.DesignExample.Replace("\r\n", "\n");
        Assert.Empty(_fx.Load(baseline).Errors);
        var random = new Random(20250101);
        var kinds = new int[8];
        var failed = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var kind = random.Next(kinds.Length);
            kinds[kind]++;
            var text = Mutate(baseline, kind, random);
            var name = $"fuzz{i % 8}.psd1";
            ConfigLoadResult result;
            try
            {
                result = _fx.Load(text, name);
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} (kind {kind}) threw {e}\n--- config ---\n{text}");
                return;
            }
            if (result.Config is null) failed++;
            Assert.True(result.Config is null == result.Errors.Count > 0, $"Mutation {i}: a config must come with no errors, and no config with some.");
            var lines = text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
            foreach (var error in result.Errors)
            {
                Assert.True(error.Position is not null, $"Mutation {i}: error without position: {error}");
                var p = error.Position!.Value;
                if (p.File.EndsWith(".json", StringComparison.Ordinal)) continue; // a flow file error points into the flow file
                Assert.Equal(Path.Combine(_fx.Directory, name), p.File);
                Assert.True(p.Line >= 1 && p.Line <= lines.Length && p.Column >= 1 && p.Column <= lines[p.Line - 1].Length + 1,
                    $"Mutation {i} (kind {kind}): {error} is outside the file ({lines.Length} lines; line {p.Line}: '{(p.Line <= lines.Length ? lines[p.Line - 1] : "")}')\n--- config ---\n{text}");
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                Assert.StartsWith("ConnectOps.Config.", error.Code, StringComparison.Ordinal);
            }
        }

        Assert.All(kinds, count => Assert.True(count > 100, "every mutation kind ran"));
        Assert.True(failed > Mutations / 2, $"most mutations should break the config ({failed} of {Mutations} did)");
    }

    private static string Mutate(string text, int kind, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case 0: // delete a line
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case 1: // duplicate a line (duplicate keys and names)
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return string.Join('\n', lines);
            case 2: // truncate
                return text[..random.Next(text.Length)];
            case 3: // random characters inserted
                var sb = new StringBuilder(text);
                for (var n = random.Next(1, 6); n > 0; n--) sb.Insert(random.Next(sb.Length), Alphabet[random.Next(Alphabet.Length)]);
                return sb.ToString();
            case 4: // delete a range
                var start = random.Next(text.Length);
                return text.Remove(start, Math.Min(random.Next(1, 40), text.Length - start));
            case 5: // replace a quoted value with junk of another type
                return ReplaceValue(text, random, Junk[random.Next(Junk.Length)]);
            case 6: // a huge value
                return ReplaceValue(text, random, random.Next(2) == 0 ? $"'{new string('x', 100_000)}'" : new string('9', 5000));
            default: // swap two lines (moves keys between hashtables)
                int a = random.Next(lines.Count), b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
        }
    }

    private static string ReplaceValue(string text, Random random, string replacement)
    {
        var quotes = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'') quotes.Add(i);
        }
        var pair = random.Next(quotes.Count / 2) * 2;
        return text[..quotes[pair]] + replacement + text[(quotes[pair + 1] + 1)..];
    }
}
