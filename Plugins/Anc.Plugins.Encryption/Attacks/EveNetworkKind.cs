namespace Anc.Plugins.Encryption.Attacks;

/// <summary>The network a <see cref="FreshEveAttack"/> trains.</summary>
public enum EveNetworkKind
{
    /// <summary>The paper's mix-and-transform network, as Eve has it in training.</summary>
    MixTransform,

    /// <summary>A wider and deeper multilayer perceptron: sigmoid hidden layers, a tanh output.</summary>
    Mlp,
}
