using Anc.Components;
using Anc.Evaluation;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Protocol;

/// <summary>
/// An encryption seed's fresh Eves: her architecture built anew for each, grouped as it pays
/// (stacked at small batches, alone otherwise) and evaluated by <see cref="FreshEveEvaluation"/>.
/// </summary>
internal sealed class EncryptionFreshEves
{
    /// <summary>What the fresh Eves are measured in.</summary>
    public static readonly FreshEveFigure Figure = new("bitsWrong", LowerIsBetter: true);

    /// <summary>
    /// The largest batch at which fresh Eves are stacked. Measured on the 2-core Xeon, the paper's
    /// networks, 5 fresh Eves x 500 steps (seconds for the whole run, alternated): batch 512 (1,000
    /// steps each), one after another 10.0, stacked side by side 5.4; 1024, 7.0 and 4.4; 2048, one after another
    /// 8.4, alone side by side 6.5, stacked side by side 7.5; 4096, 11.4, 9.9 and 14.1. Below it a
    /// step is mostly the launch of small operations, which stacking shares; above it the batched
    /// products are slower than the plain ones (the stacked backward most of all).
    /// </summary>
    public const int StackedUpToBatch = 1024;

    private readonly ExperimentContext _context;
    private readonly FreshEveOptions _options;
    private readonly Party _eve;
    private readonly NetworkShape _shape;

    /// <param name="context">The seed's context.</param>
    /// <param name="options">How many Eves, how long, how often measured.</param>
    /// <param name="eve">Eve's party: her architecture and loss.</param>
    /// <param name="shape">Her network's widths: what she observes in, the plaintext out.</param>
    public EncryptionFreshEves(ExperimentContext context, FreshEveOptions options, Party eve, NetworkShape shape)
    {
        _context = context;
        _options = options;
        _eve = eve;
        _shape = shape;
    }

    /// <summary>A new Eve network on the seed's device, with weights from torch's current generator.</summary>
    public nn.Module<Tensor, Tensor> BuildEve() => _eve.Architecture.Build(_shape).to(_context.Device);

    /// <summary>
    /// Trains and measures the fresh Eves; <paramref name="draw"/> makes a training batch (what
    /// Eve observes, the plaintext) from the given stream, from several threads at once.
    /// </summary>
    public IReadOnlyList<AdversaryTrial> Evaluate(
        Func<BitSource, int, (Tensor Input, Tensor Plaintext)> draw, (Tensor Input, Tensor Plaintext) validation, (Tensor Input, Tensor Plaintext) heldOut)
    {
        List<EncryptionEveGroup> groups = BuildGroups(new Eavesdropping(draw, _context.Training.BatchSize, _eve.Loss.Compute, validation, heldOut));
        try
        {
            return new FreshEveEvaluation(_options, Figure, FreshEveEvaluation.SeedProgress(_context)).Run(groups, _context.CancellationToken);
        }
        finally
        {
            groups.ForEach(group => group.Dispose());
        }
    }

    /// <summary>
    /// Trains the fresh Eves as <see cref="Evaluate"/> does, each for <paramref name="steps"/> over
    /// their count (at least one) steps, and drops them: what the evaluation's work costs, for
    /// benchmarks. Returns the Eve-steps done. Torch's generator is left as it was.
    /// </summary>
    public int TrainSteps(Func<BitSource, int, (Tensor Input, Tensor Plaintext)> draw, int steps)
    {
        using Tensor generator = torch.random.get_rng_state();
        List<EncryptionEveGroup> groups = [];
        try
        {
            groups = BuildGroups(new Eavesdropping(draw, _context.Training.BatchSize, _eve.Loss.Compute, Validation: null, HeldOut: null));
            int each = Math.Max(1, (steps + _options.FreshEves - 1) / _options.FreshEves);
            return (int)FreshEveEvaluation.TrainSteps(groups, each, _context.CancellationToken);
        }
        finally
        {
            groups.ForEach(group => group.Dispose());
            torch.random.set_rng_state(generator);
        }
    }

    /// <summary>
    /// The fresh Eves as groups trained in lockstep: at batches up to <see cref="StackedUpToBatch"/>
    /// as many stacked groups as there are threads to run them (where her network stacks),
    /// otherwise each Eve alone.
    /// </summary>
    private List<EncryptionEveGroup> BuildGroups(Eavesdropping eavesdropping)
    {
        int eves = _options.FreshEves;
        int stacks = _context.Training.BatchSize <= StackedUpToBatch ? Math.Min(torch.get_num_threads(), eves) : eves;
        long seed = _context.Seed + EvaluationStreams.FreshEves;
        double rate = _context.Training.LearningRate;
        List<EncryptionEveGroup> groups = [];
        try
        {
            for (int s = 0, first = 0; s < stacks; s++)
            {
                // Contiguous ranges whose sizes differ by at most one.
                int count = (eves - first) / (stacks - s);
                if (EncryptionEveGroup.Build(BuildEve, seed, first, count, rate, _context.Device, eavesdropping) is { } group)
                {
                    groups.Add(group);
                }
                else
                {
                    groups.AddRange(Enumerable.Range(first, count).Select(index => EncryptionEveGroup.Build(BuildEve, seed, index, 1, rate, _context.Device, eavesdropping)!));
                }

                first += count;
            }

            return groups;
        }
        catch
        {
            groups.ForEach(group => group.Dispose());
            throw;
        }
    }
}
