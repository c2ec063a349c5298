using Anc.Evaluation;
using Anc.Plugins.SelectiveProtection.Losses;
using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>
/// One fresh Eve against the frozen Alice of selective protection, with weights and training
/// examples of her own, measured as her advantage over Blind Eve: Blind Eve's squared error on C
/// less hers.
/// </summary>
internal sealed class SelectiveProtectionEveGroup : FreshEveGroup
{
    /// <summary>What the fresh Eves are measured in; higher is better for Eve.</summary>
    public static readonly FreshEveFigure Figure = new("advantage", LowerIsBetter: false);

    private static readonly SquaredErrorLoss SquaredError = new();

    private readonly Generator _stream;
    private readonly Func<Generator, (Tensor Observed, Tensor C)> _draw;
    private readonly Func<Tensor, Tensor, Tensor> _loss;
    private readonly EveExamples _validation;
    private readonly EveExamples _heldOut;

    /// <param name="index">Which fresh Eve (from 0).</param>
    /// <param name="network">Her network; the group owns it.</param>
    /// <param name="stream">Her examples' stream; the group owns it.</param>
    /// <param name="learningRate">Adam's learning rate.</param>
    /// <param name="draw">A training batch from the given stream, encrypted by the frozen Alice without gradients: what Eve observes, and C.</param>
    /// <param name="loss">Eve's loss of C and her guesses.</param>
    /// <param name="validation">The validation set; it belongs to the caller.</param>
    /// <param name="heldOut">The held-out set; it belongs to the caller.</param>
    public SelectiveProtectionEveGroup(
        int index,
        nn.Module<Tensor, Tensor> network,
        Generator stream,
        double learningRate,
        Func<Generator, (Tensor Observed, Tensor C)> draw,
        Func<Tensor, Tensor, Tensor> loss,
        EveExamples validation,
        EveExamples heldOut)
        : base(index, 1, network, stacked: false, learningRate)
    {
        _stream = stream;
        _draw = draw;
        _loss = loss;
        _validation = validation;
        _heldOut = heldOut;
    }

    /// <inheritdoc />
    public override double[] Measure(FreshEveSet set)
    {
        EveExamples examples = set == FreshEveSet.Validation ? _validation : _heldOut;
        return [examples.BlindEveError - SquaredError.Compute(examples.C, Network.forward(examples.Observed)).item<float>()];
    }

    /// <inheritdoc />
    protected override Tensor Loss()
    {
        (Tensor observed, Tensor c) = _draw(_stream);
        return _loss(c, Network.forward(observed));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _stream.Dispose();
        }
    }
}
