using System.Globalization;
using Anc.Attacks;
using Anc.Scenarios;
using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// A simple statistical probe: for each plaintext bit, a linear model (logistic regression) from
/// everything the eavesdropper observes. It finds any bit that is a linear function of the
/// observation, a leak a network might still miss in a short training.
/// </summary>
public sealed class LinearProbeAttack : IAttack
{
    /// <summary>The name panels use.</summary>
    public const string Name = "linear-probe";

    private readonly LinearProbeOptions _options;

    /// <summary>Creates the attack with its options.</summary>
    public LinearProbeAttack(LinearProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public AttackResult Run(AttackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ICipherTarget target = context.Target;
        using AttackSets sets = new(context);
        using IDisposable scope = torch.NewDisposeScope();
        torch.random.manual_seed(context.Seed);
        // One row of weights per plaintext bit: N independent logistic regressions in one layer.
        nn.Module<Tensor, Tensor> probe = nn.Linear(target.ObservedWidth, target.PlaintextBits).to(target.Device);
        (_, List<MetricPoint> history) = AttackTraining.TrainGuesser(
            probe, _options, Logistic, sets, sets.ObservedValidation(_options.ValidationExamples), context, 0, _options.Steps);

        return AttackMeasurements.BitsRecovered(probe, sets, context, history, string.Create(CultureInfo.InvariantCulture, $"a logistic regression per bit, {_options.Steps} steps"));
    }

    /// <summary>Logistic loss on -1/+1 labels: log(1 + exp(-y z)).</summary>
    private static Tensor Logistic(Tensor plaintext, Tensor output) => nn.functional.softplus(-(plaintext * output)).mean();
}
