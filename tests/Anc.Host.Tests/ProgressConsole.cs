using Spectre.Console;

namespace Anc.Host.Tests;

/// <summary>Spectre consoles over a writer, as a terminal of a known size would show them, and the rows of the frames they show.</summary>
internal static class ProgressConsole
{
    public static IAnsiConsole Over(TextWriter writer, int width = 200, int height = 40)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        return console;
    }

    /// <summary>The text a user sees for <paramref name="renderable"/>.</summary>
    public static string Show(Spectre.Console.Rendering.IRenderable renderable, int width = 200)
    {
        StringWriter writer = new();
        Over(writer, width).Write(renderable);
        return writer.ToString();
    }

    /// <summary>The table rows of a frame, keyed by their first cell (the seed), each as its trimmed cells.</summary>
    public static IReadOnlyDictionary<string, string[]> Rows(string frame)
    {
        Dictionary<string, string[]> rows = [];
        foreach (string line in frame.Split('\n'))
        {
            string[] cells = line.Split('│');
            if (cells.Length == 8 && cells[1].Trim() is { Length: > 0 } seed && seed != "seed")
            {
                rows[seed] = [.. cells[2..7].Select(c => c.Trim())];
            }
        }

        return rows;
    }
}
