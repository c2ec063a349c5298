using TorchSharp;
using static TorchSharp.torch;

namespace Anc.Kernels;

/// <summary>
/// Seeds torch's global generator for a check and, when disposed, puts it back as it was, so a
/// check draws the same numbers every time and the caller's random stream is untouched.
/// </summary>
internal sealed class FixedGenerator : IDisposable
{
    private const long Seed = 20161024;

    private readonly Tensor _state = torch.random.get_rng_state();

    public FixedGenerator() => torch.random.manual_seed(Seed);

    public void Dispose()
    {
        torch.random.set_rng_state(_state);
        _state.Dispose();
    }
}
