namespace Anc.Plugins.SelectiveProtection.Architectures;

/// <summary>The nonlinearity after each hidden layer of the <c>dense</c> architecture.</summary>
public enum DenseActivation
{
    /// <summary>max(0, x).</summary>
    Relu,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,
}
