using System.Globalization;
using Anc.Components;
using static TorchSharp.torch;

namespace Anc.Plugins.Encryption.Architectures.Controls;

/// <summary>
/// A known-answer control cipher for attack panels, used as Alice's architecture in the
/// symmetric scenario: a fixed function of <c>[plaintext P (N), key K (N)]</c> whose security is
/// known in advance, so a panel can be shown to break the broken ones and not the sound one.
/// It accepts only that shape, and has nothing to train.
/// </summary>
public abstract class ControlCipherArchitecture : IArchitecture
{
    private readonly string _name;
    private readonly ControlCipherKey _key;

    // Private protected: the controls are this plugin's three, not a base for others.
    private protected ControlCipherArchitecture(string name, ControlCipherKey key)
    {
        _name = name;
        _key = key;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The input is not <c>[P, K]</c>, twice the output's width.</exception>
    public nn.Module<Tensor, Tensor> Build(NetworkShape shape) => new ControlCipherNetwork(Bits(shape), _key);

    /// <inheritdoc />
    /// <remarks>
    /// No weights; the forward pass keeps its input (2N) and output (N) and nothing else: the
    /// halves it multiplies are views of the input, and a fixed key is per network, not per example.
    /// A shape the control refuses is refused here too, so a manifest that gives a control to
    /// another party fails when it is read rather than when its seed starts.
    /// </remarks>
    /// <exception cref="ArgumentException">The input is not <c>[P, K]</c>, twice the output's width.</exception>
    public NetworkSize EstimateSize(NetworkShape shape) => new(0, 3.0 * Bits(shape));

    /// <summary>N, the plaintext's width; any other shape means the control was given to a party it cannot stand in for.</summary>
    private int Bits(NetworkShape shape)
    {
        if (shape.OutputWidth < 1 || shape.InputWidth != 2L * shape.OutputWidth)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{_name}' is a control cipher for Alice: it needs input [plaintext, key] of width 2N and output width N (N >= 1), " +
                    $"and was asked for input width {shape.InputWidth}, output width {shape.OutputWidth}."),
                nameof(shape));
        }

        return shape.OutputWidth;
    }
}
