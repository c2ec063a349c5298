using static TorchSharp.torch;

namespace Anc.Plugins.SelectiveProtection.Scenario;

/// <summary>A batch of tuples &lt;A, B, C, D&gt; with the key Alice and Bob share for each.</summary>
internal sealed record Examples(Tensor A, Tensor B, Tensor C, Tensor D, Tensor Key) : IDisposable
{
    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        C.Dispose();
        D.Dispose();
        Key.Dispose();
    }
}
