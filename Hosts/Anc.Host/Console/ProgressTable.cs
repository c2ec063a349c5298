using System.Globalization;
using Anc.Observers;
using Anc.Training;
using Spectre.Console;

namespace Anc.Host.Console;

/// <summary>One frame of the live display: a row per seed of the run, and a caption with the run's count and time.</summary>
internal static class ProgressTable
{
    private static readonly string[] Headers = ["seed", "phase", "step", "steps/s", "ETA", "figures / outcome"];

    // Borders, header, caption and the line the cursor rests on.
    private const int FrameLines = 6;

    /// <summary>
    /// The frame for <paramref name="seeds"/> (in run order) at <paramref name="now"/>. While it is
    /// redrawn it fits a terminal of <paramref name="width"/> by <paramref name="height"/>, one line
    /// per seed, because a frame taller than the terminal cannot be redrawn in place; the
    /// <paramref name="last"/> frame stays on the screen, so it shows every seed and whole verdicts.
    /// </summary>
    public static Table Build(IReadOnlyList<SeedProgress> seeds, TimeSpan now, int width, int height, bool last)
    {
        Table table = new Table().Border(TableBorder.Rounded);
        foreach (string header in Headers)
        {
            table.AddColumn(header == "phase" || header == Headers[^1] ? new TableColumn(header) : new TableColumn(header).RightAligned());
        }

        IReadOnlyList<SeedProgress> shown = last ? seeds : Visible(seeds, Math.Max(3, height - FrameLines));
        List<(SeedProgress Seed, string[] Cells)> rows = [.. shown.Select(s => (s, Cells(s, now)))];
        int detailWidth = last ? int.MaxValue : DetailWidth(rows.Select(r => r.Cells), width);
        foreach ((SeedProgress seed, string[] cells) in rows)
        {
            table.AddRow(
                Markup.Escape(cells[0]),
                $"[{Colour(seed)}]{Markup.Escape(cells[1])}[/]",
                Markup.Escape(cells[2]),
                Markup.Escape(cells[3]),
                Markup.Escape(cells[4]),
                Detail(seed, detailWidth));
        }

        int finished = seeds.Count(s => s.Outcome is not null);
        string caption = $"{finished} of {seeds.Count} seed(s) finished, {ProgressText.Duration(now)} elapsed";
        if (shown.Count < seeds.Count)
        {
            int hiddenFinished = finished - shown.Count(s => s.Outcome is not null);
            int hiddenWaiting = seeds.Count(s => s.IsWaiting) - shown.Count(s => s.IsWaiting);
            caption += $"; not shown: {hiddenFinished} finished, {hiddenWaiting} waiting";
        }

        return table.Caption(Markup.Escape(caption));
    }

    /// <summary>The plain text of every column but the last.</summary>
    private static string[] Cells(SeedProgress seed, TimeSpan now)
    {
        string number = seed.Seed.ToString(CultureInfo.InvariantCulture);
        if (seed.Outcome is SeedCompleted outcome)
        {
            // The short word keeps the column narrow; logs say "failed its criteria".
            string word = outcome.Status == SeedStatus.Completed ? (outcome.Success ? "succeeded" : "failed") : outcome.Status;
            return [number, word, outcome.Steps.ToString(CultureInfo.InvariantCulture), string.Empty, string.Empty];
        }

        if (seed.Phase is null)
        {
            return [number, seed.IsStarted ? "starting" : "waiting", string.Empty, string.Empty, string.Empty];
        }

        string rate = seed.StepsPerSecond is double perSecond ? ProgressText.Rate(perSecond) : "-";
        string eta = seed.Eta(now) is TimeSpan left ? (seed.EtaIsUpperBound ? "≤ " : string.Empty) + ProgressText.Duration(left) : "-";
        return [number, seed.Phase, $"{seed.Step}/{seed.TotalSteps}", rate, eta];
    }

    private static string Colour(SeedProgress seed) => seed.Outcome switch
    {
        null => seed.IsWaiting ? "grey" : "default",
        { Success: true } => "green",
        { Status: SeedStatus.Cancelled } => "yellow",
        _ => "red",
    };

    /// <summary>The figures of a running seed or the verdict of a finished one, cut to <paramref name="width"/> characters.</summary>
    private static string Detail(SeedProgress seed, int width)
    {
        if (seed.Outcome is SeedCompleted outcome)
        {
            return Markup.Escape(Cut(outcome.Message, width));
        }

        // Whole figures only, as many as fit from the scenario's first (its main ones), then an ellipsis for the rest.
        IReadOnlyList<KeyValuePair<string, double>> figures = seed.Figures;
        int[] lengths = [.. figures.Select(f => f.Key.Length + 1 + ProgressText.Number(f.Value).Length)];
        int kept = lengths.Length;
        // Two spaces between figures, and "  …" after them where some are left out.
        while (kept > 0 && lengths.Take(kept).Sum() + (2 * (kept - 1)) + (kept < lengths.Length ? 3 : 0) > width)
        {
            kept--;
        }

        IEnumerable<string> parts = figures.Take(kept).Select(f => $"[grey]{Markup.Escape(f.Key)}[/] {ProgressText.Number(f.Value)}");
        return string.Join("  ", kept < figures.Count ? parts.Append("…") : parts);
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    /// <summary>What a terminal of <paramref name="width"/> leaves for the last column after the others and the borders.</summary>
    private static int DetailWidth(IEnumerable<string[]> rows, int width)
    {
        int[] widths = [.. Headers[..^1].Select(h => h.Length)];
        foreach (string[] cells in rows)
        {
            for (int i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], cells[i].Length);
            }
        }

        // Each column has a border and a space either side of its text; the table closes with one more border.
        int left = width - widths.Sum() - (3 * Headers.Length) - 1;
        return Math.Max(Headers[^1].Length, left);
    }

    /// <summary>Every seed where they fit; otherwise the running ones first, then the latest to finish, then the next to start.</summary>
    private static IReadOnlyList<SeedProgress> Visible(IReadOnlyList<SeedProgress> seeds, int rows)
    {
        if (seeds.Count <= rows)
        {
            return seeds;
        }

        HashSet<SeedProgress> chosen = [.. seeds.Where(s => s.IsRunning)
            .Concat(seeds.Where(s => s.Outcome is not null).OrderByDescending(s => s.FinishedOrder))
            .Concat(seeds.Where(s => s.IsWaiting))
            .Take(rows)];
        return [.. seeds.Where(chosen.Contains)];
    }
}
