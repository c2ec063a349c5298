using Anc.Attacks;
using Anc.Scenarios;
using Anc.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Attacks;

/// <summary>
/// The training loop the attacks share: Adam on a loss, the network measured on the
/// validation set every so often, and its best weights (by that measure) put back at the end,
/// so that the held-out measurement is of the network the validation set chose.
/// </summary>
internal static class AttackTraining
{
    /// <summary>Trains <paramref name="network"/>; returns its best validation figure (lower is better) and the history.</summary>
    /// <param name="network">The attacker's network, trained in place.</param>
    /// <param name="options">Steps, learning rate, and how often to measure.</param>
    /// <param name="loss">One training batch's loss, with gradients.</param>
    /// <param name="validate">The validation figure of the network as it is (lower is better); called without gradients.</param>
    /// <param name="context">The attack's context: progress and cancellation.</param>
    /// <param name="stepsBefore">Steps of the attack before this network's (earlier restarts), for the history and progress.</param>
    /// <param name="totalSteps">Steps of the whole attack.</param>
    public static (double Best, List<MetricPoint> History) Train(
        nn.Module<Tensor, Tensor> network, TrainedAttackOptions options, Func<Tensor> loss, Func<double> validate, AttackContext context, long stepsBefore, long totalSteps)
    {
        Parameter[] parameters = network.parameters().ToArray();
        using AdamOptimizer adam = new(parameters, options.LearningRate);
        List<MetricPoint> history = [];
        double best = double.PositiveInfinity;
        Tensor[] bestWeights = [];
        try
        {
            for (int step = 1; step <= options.Steps; step++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                using (torch.NewDisposeScope())
                {
                    adam.ZeroGrad();
                    loss().backward();
                    adam.Step();
                }

                TorchGarbage.CollectAfter(step);
                if (step % options.MeasureEvery != 0 && step != options.Steps)
                {
                    continue;
                }

                double figure;
                using (torch.no_grad())
                using (torch.NewDisposeScope())
                {
                    figure = validate();
                }

                history.Add(new MetricPoint(stepsBefore + step, figure));
                context.Progress.Report(new AttackProgress(stepsBefore + step, totalSteps));
                if (figure < best)
                {
                    best = figure;
                    Dispose(bestWeights);
                    bestWeights = Snapshot(parameters);
                }
            }

            Restore(parameters, bestWeights);
            return (best, history);
        }
        finally
        {
            Dispose(bestWeights);
        }
    }

    /// <summary>
    /// Trains <paramref name="network"/> to guess plaintexts from what is observed, on
    /// <paramref name="loss"/> of the plaintext and its output, measured in bits wrong on
    /// <paramref name="validation"/> (<see cref="AttackSets.ObservedValidation"/>).
    /// </summary>
    public static (double Best, List<MetricPoint> History) TrainGuesser(
        nn.Module<Tensor, Tensor> network,
        TrainedAttackOptions options,
        Func<Tensor, Tensor, Tensor> loss,
        AttackSets sets,
        (Tensor Plaintext, Tensor Observed) validation,
        AttackContext context,
        long stepsBefore,
        long totalSteps) =>
        Train(
            network,
            options,
            () =>
            {
                Tensor plaintext = sets.Training(options.BatchSize);
                return loss(plaintext, network.forward(context.Target.Observe(plaintext)));
            },
            () => AttackMeasurements.BitsWrong(network.forward(validation.Observed), validation.Plaintext),
            context,
            stepsBefore,
            totalSteps);

    private static Tensor[] Snapshot(Parameter[] parameters)
    {
        using IDisposable noGrad = torch.no_grad();
        return parameters.Select(p =>
        {
            Tensor copy = p.detach().clone();
            copy.DetachFromDisposeScope();
            return copy;
        }).ToArray();
    }

    private static void Restore(Parameter[] parameters, Tensor[] weights)
    {
        using IDisposable noGrad = torch.no_grad();
        for (int i = 0; i < weights.Length; i++)
        {
            parameters[i].copy_(weights[i]);
        }
    }

    private static void Dispose(Tensor[] tensors)
    {
        foreach (Tensor tensor in tensors)
        {
            tensor.Dispose();
        }
    }
}
