using System.Globalization;
using System.Text;
using Anc.Attacks;
using Anc.Results;
using Anc.Runs;
using Newtonsoft.Json.Linq;

namespace Anc.AttackPanels;

/// <summary>
/// The panel's verdicts on a run's ciphers, written as <c>attack.json</c> and as the
/// <c>## Attacks</c> section of <c>report.md</c>. It never calls a cipher secure: it says which
/// attacks the cipher survived, and at what sample size.
/// </summary>
public sealed record AttackReport(AttackPanel Panel, IReadOnlyList<SeedAttacks> Seeds)
{
    private const string Section = "## Attacks";

    /// <summary>Whether some attack broke some seed's cipher.</summary>
    public bool AnyBroken => Seeds.Any(s => s.Broken);

    /// <summary>The report as <c>attack.json</c> holds it.</summary>
    public AttackFile ToFile() => new(
        new AttackPanelFile(
            Panel.Source,
            Panel.HeldOutExamples,
            Panel.Alpha,
            Panel.Threshold,
            Panel.Attacks.Select(a => new PanelAttackFile(a.Label, a.Attack.Descriptor.Name, a.Attack.Plugin, JObject.FromObject(a.Attack.Options))).ToList()),
        Seeds.Select(s => new SeedAttacksFile(
            s.Seed,
            s.Broken,
            s.Strongest.Label,
            Verdict(s),
            s.Verdicts.Select(v => new AttackVerdictFile(
                v.Label,
                v.Attack,
                v.Result.Measure == AttackMeasure.BitsRecovered ? "bitsRecovered" : "distinguishing",
                v.Result.Figure,
                v.Chance,
                v.Result.Trials,
                v.Result.Successes,
                v.PValue,
                v.Log10PValue,
                v.Broken,
                v.Result.Detail,
                v.Seconds,
                v.Result.History)).ToList())).ToList());

    /// <summary>One sentence per seed: which attacks its cipher survived or not, at what sample size.</summary>
    public string Verdict(SeedAttacks seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        string size = string.Create(CultureInfo.InvariantCulture, $"{Panel.HeldOutExamples} held-out messages each, p < {Panel.Threshold:G3} to count");
        string[] broken = seed.Verdicts.Where(v => v.Broken).Select(v => v.Label).ToArray();
        return broken.Length == 0
            ? $"survived all {seed.Verdicts.Count} attacks ({string.Join(", ", seed.Verdicts.Select(v => v.Label))}; {size}): none did measurably better than guessing"
            : $"broken by {string.Join(", ", broken)}; survived {seed.Verdicts.Count - broken.Length} of {seed.Verdicts.Count} attacks ({size})";
    }

    /// <summary>Writes <c>attack.json</c> and puts the section in <c>report.md</c> (replacing an earlier one).</summary>
    public void Write(RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(run);
        ResultJson.Write(run, AttackFile.FileName, ToFile());
        string path = Path.Combine(run.FullPath, "report.md");
        string report = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        int earlier = report.IndexOf(Environment.NewLine + Section + Environment.NewLine, StringComparison.Ordinal);
        if (earlier >= 0)
        {
            report = report[..(earlier + Environment.NewLine.Length)];
        }

        run.WriteText("report.md", report.TrimEnd() + Environment.NewLine + Environment.NewLine + Markdown());
    }

    /// <summary>The <c>## Attacks</c> section.</summary>
    public string Markdown()
    {
        StringBuilder text = new();
        text.AppendLine(Section).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Panel: {Panel.Source}, {Panel.Attacks.Count} attacks, each measured on {Panel.HeldOutExamples} fresh held-out messages. ")
            .Append(CultureInfo.InvariantCulture, $"Each result is tested against guessing (two-sided binomial test of the correct trials against one half); an attack counts as breaking the cipher below p = {Panel.Alpha:G3} / {Panel.Attacks.Count} = {Panel.Threshold:G3}, ")
            .Append(CultureInfo.InvariantCulture, $"so the panel raises a false alarm against a cipher that leaks nothing at most {Panel.Alpha:G3} of the time. ")
            .AppendLine("Surviving says only that these attacks, at this sample size, found nothing; it is not a proof of security.");
        text.AppendLine();
        text.AppendLine("| seed | attack | what it ran | figure | guessing | p-value | verdict |").AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (SeedAttacks seed in Seeds)
        {
            foreach (AttackVerdict verdict in seed.Verdicts)
            {
                string figure = verdict.Result.Measure == AttackMeasure.BitsRecovered
                    ? string.Create(CultureInfo.InvariantCulture, $"{verdict.Result.Figure:0.###} bits wrong")
                    : string.Create(CultureInfo.InvariantCulture, $"advantage {verdict.Result.Figure:0.####}");
                text.AppendLine(CultureInfo.InvariantCulture, $"| {seed.Seed} | {verdict.Label} ({verdict.Attack}) | {verdict.Result.Detail} | {figure} | {verdict.Chance:0.###} | {PValueText(verdict)} | {(verdict.Broken ? "**broke it**" : "no better than guessing")} |");
            }
        }

        text.AppendLine();
        foreach (SeedAttacks seed in Seeds)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Seed {seed.Seed}: {Verdict(seed)}; the strongest attack was {seed.Strongest.Label} (p = {PValueText(seed.Strongest)}).");
        }

        return text.ToString();
    }

    /// <summary>A p-value as text: scientific, or as a power of ten where it is below the smallest double.</summary>
    public static string PValueText(AttackVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.PValue > 0
            ? verdict.PValue.ToString(verdict.PValue < 1e-3 ? "0.##E+0" : "0.####", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"10^{verdict.Log10PValue:0.#}");
    }
}
