using System.Collections.Concurrent;
using Anc.Evaluation;
using Anc.Scenarios;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Abstractions.Tests;

/// <summary>
/// The fresh-Eve evaluation keeps each Eve's weights of her best validation measurement and
/// measures those on the held-out set. Its Eves are linear regressions on float64 whose training
/// target turns against them at a step of each one's own, so that the validation set's best
/// step is known and differs between Eves; the group records what the held-out set would have
/// said at every measurement, the truth the evaluation's figures are checked against.
/// </summary>
public sealed class FreshEveEvaluationTests
{
    [Fact]
    public void Each_stacked_Eve_is_measured_on_held_out_data_with_the_weights_of_her_own_best_validation_step()
    {
        using LinearEves eves = new(count: 3, stacked: true, turnsAfter: [40, 100, 70]);
        FreshEveOptions options = new() { Steps = 100, MeasureEvery = 10 };

        IReadOnlyList<AdversaryTrial> trials = new FreshEveEvaluation(options, new FreshEveFigure("error", LowerIsBetter: true)).Run([eves], CancellationToken.None);

        Assert.Equal(["freshEve-1", "freshEve-2", "freshEve-3"], trials.Select(t => t.Name));
        long[] bestSteps = trials.Select(t => t.History.MinBy(p => p.Value).Step).ToArray();
        // Each learns until her target turns, then unlearns: her best is where it turned.
        Assert.Equal([40L, 100L, 70L], bestSteps);
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(i => 10L * i), trials[k].History.Select(p => p.Step));
            Assert.Equal(eves.HeldOutAt[bestSteps[k]][k], trials[k].Best, 12);
            Assert.Equal(100, trials[k].Steps);
        }

        // The figures are not those of the last weights: the first and third Eve unlearned after their best.
        Assert.True(trials[0].Best < eves.HeldOutAt[100][0] / 2);
        Assert.True(trials[2].Best < eves.HeldOutAt[100][2] / 2);
    }

    [Fact]
    public void Where_higher_is_better_for_Eve_the_highest_validation_figure_picks_her_weights()
    {
        using LinearEves eve = new(count: 1, stacked: false, turnsAfter: [50], negate: true);
        FreshEveOptions options = new() { Steps = 90, MeasureEvery = 20 };

        AdversaryTrial trial = Assert.Single(new FreshEveEvaluation(options, new FreshEveFigure("advantage", LowerIsBetter: false)).Run([eve], CancellationToken.None));

        // Measured at 20, 40, 60, 80 and after the last step, 90.
        Assert.Equal([20L, 40L, 60L, 80L, 90L], trial.History.Select(p => p.Step));
        Assert.Equal(40L, trial.History.MaxBy(p => p.Value).Step);
        Assert.Equal(eve.HeldOutAt[40][0], trial.Best, 12);
    }

    [Fact]
    public void Groups_side_by_side_report_every_Eve_step_once_in_order_with_their_validation_figures()
    {
        torch.set_num_threads(2);
        using LinearEves first = new(count: 2, stacked: true, turnsAfter: [100, 100]);
        using LinearEves second = new(count: 1, stacked: false, turnsAfter: [100], first: 2);
        ConcurrentQueue<FreshEveProgress> reports = new();
        FreshEveOptions options = new() { Steps = 30, MeasureEvery = 10 };

        IReadOnlyList<AdversaryTrial> trials = new FreshEveEvaluation(options, new FreshEveFigure("error", LowerIsBetter: true), reports.Enqueue)
            .Run([first, second], CancellationToken.None);

        Assert.Equal(["freshEve-1", "freshEve-2", "freshEve-3"], trials.Select(t => t.Name));
        FreshEveProgress[] seen = reports.ToArray();
        Assert.Equal(3 + 3, seen.Length);
        Assert.All(seen, p => Assert.Equal(3L * 30, p.Total));
        Assert.Equal(seen.Select(p => p.Done).Order(), seen.Select(p => p.Done));
        Assert.Equal(3L * 30, seen[^1].Done);
        Assert.Equal(3, seen.Count(p => p.Metrics.ContainsKey("freshEve3.error")));
        Assert.Equal(3, seen.Count(p => p.Metrics.Keys.Order().SequenceEqual(["freshEve1.error", "freshEve2.error"])));
    }

    /// <summary>
    /// Eves that learn y = x·w from examples, each with her own weights; after her step in
    /// <c>turnsAfter</c> her training target becomes -y, so she unlearns. Measured as squared
    /// error (or its negative, with <c>negate</c>) on a validation and a held-out set of their own.
    /// </summary>
    private sealed class LinearEves : FreshEveGroup
    {
        private const int Inputs = 4;
        private static readonly double[] Truth = [0.5, -1.0, 2.0, 0.25];

        private readonly int[] _turnsAfter;
        private readonly bool _negate;
        private readonly Generator _stream = new(7);
        private readonly Tensor _truth = torch.tensor(Truth, float64).reshape(Inputs, 1);
        private readonly (Tensor X, Tensor Y) _validation;
        private readonly (Tensor X, Tensor Y) _heldOut;
        private int _step;

        public LinearEves(int count, bool stacked, int[] turnsAfter, bool negate = false, int first = 0)
            : base(first, count, new Stacked(count), stacked, learningRate: 0.05)
        {
            _turnsAfter = turnsAfter;
            _negate = negate;
            _validation = Set(11);
            _heldOut = Set(12);
        }

        /// <summary>At each validation measurement's step, what each Eve's weights then scored on the held-out set.</summary>
        public Dictionary<long, double[]> HeldOutAt { get; } = [];

        public override double[] Measure(FreshEveSet set)
        {
            if (set == FreshEveSet.Validation)
            {
                HeldOutAt[_step] = Figures(_heldOut);
            }

            return Figures(set == FreshEveSet.Validation ? _validation : _heldOut);
        }

        protected override Tensor Loss()
        {
            _step++;
            Tensor x = torch.randn([Count, 64, Inputs], float64, generator: _stream);
            Tensor y = x.matmul(_truth);
            Tensor sign = torch.tensor(_turnsAfter.Select(t => _step > t ? -1.0 : 1.0).ToArray(), float64).reshape(Count, 1, 1);
            return Network.forward(x).sub(y.mul(sign)).square().mean([1, 2]).sum();
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                _stream.Dispose();
                _truth.Dispose();
                _validation.X.Dispose();
                _validation.Y.Dispose();
                _heldOut.X.Dispose();
                _heldOut.Y.Dispose();
            }
        }

        private double[] Figures((Tensor X, Tensor Y) set)
        {
            Tensor errors = Network.forward(set.X.unsqueeze(0).expand(Count, -1, -1)).sub(set.Y).square().mean([1, 2]);
            return Enumerable.Range(0, Count).Select(k => errors[k].item<double>() * (_negate ? -1 : 1)).ToArray();
        }

        private (Tensor X, Tensor Y) Set(int seed)
        {
            using Generator generator = new((ulong)seed);
            Tensor x = torch.randn([256, Inputs], float64, generator: generator);
            return (x, x.matmul(_truth));
        }
    }

    /// <summary>Several linear maps without bias, one per slice of the first dimension; their weights start at zero.</summary>
    private sealed class Stacked : nn.Module<Tensor, Tensor>
    {
#pragma warning disable IDE1006 // TorchSharp registers modules and parameters by their field names.
        private readonly Parameter weight;
#pragma warning restore IDE1006

        public Stacked(int count)
            : base(nameof(Stacked))
        {
            weight = new Parameter(torch.zeros([count, 4, 1], float64));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input.bmm(weight);
    }
}
