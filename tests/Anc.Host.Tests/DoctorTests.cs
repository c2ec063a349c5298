using System.Text.RegularExpressions;
using Anc.Testing;

namespace Anc.Host.Tests;

public sealed class DoctorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Doctor_reports_the_library_the_cpu_and_each_kernels_float32_gradient_against_float64_and_fails_exactly_when_one_is_wrong()
    {
        (int exit, string output, string error) = Doctor(new Dictionary<string, string?> { ["ANC_ONEDNN_CONVOLUTIONS"] = null });

        Assert.Matches(@"(?m)^libtorch: +2\.10\.0.* \(TorchSharp 0\.107\.0\), /.+/libtorch_cpu\.so$", output);
        Assert.Matches(@"(?m)^CPU: +\S.+; ", output);
        Assert.Matches(@"(?m)^threads: +\d+ of \d+ processors$", output);
        Assert.Matches(@"(?m)^convolutions: +(oneDNN|libtorch's own kernels \(not oneDNN\)) \(ANC_ONEDNN_CONVOLUTIONS=auto\)$", output);
        string[] checks = Regex.Matches(output, @"(?m)^  (ok   |WRONG)  (.+?)  +(\S+)").Select(m => m.Value).ToArray();
        Assert.Contains(checks, c => c.Contains("conv1d 1->2 channels, window 4, stride 1, width 35, batch 64", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Contains("linear 32->32", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Contains("batched matmul", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Contains("float64 conv1d", StringComparison.Ordinal) && c.StartsWith("  ok", StringComparison.Ordinal));
        // Whatever this processor computes: exit 1 exactly when a check as found is wrong, and then
        // the convolutions are routed around and every check after that passes.
        bool wrong = checks.Any(c => c.StartsWith("  WRONG", StringComparison.Ordinal));
        Assert.True(exit == (wrong ? 1 : 0), output + error);
        if (wrong)
        {
            Assert.Contains("Convolutions were moved off oneDNN", output, StringComparison.Ordinal);
            Assert.DoesNotContain("WRONG", output[output.IndexOf("after that:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("All checks passed", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_convolutions_off_oneDNN_no_convolution_runs_on_oneDNN_and_every_check_passes()
    {
        // oneDNN's verbose log names every primitive it executes.
        (int exit, string output, string error) = Doctor(new Dictionary<string, string?> { ["ANC_ONEDNN_CONVOLUTIONS"] = "off", ["ONEDNN_VERBOSE"] = "1" });

        Assert.True(exit == 0, output + error);
        Assert.Contains("convolutions:  libtorch's own kernels (not oneDNN) (ANC_ONEDNN_CONVOLUTIONS=off)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WRONG", output, StringComparison.Ordinal);
        Assert.DoesNotContain("primitive,exec,cpu,convolution", output + error, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Matches(output, @"(?m)^  ok     conv1d ").Count);
    }

    [Fact]
    public void Doctor_checks_a_manifests_own_networks_and_refuses_a_bad_setting_in_one_line()
    {
        (int exit, string output, string error) = Doctor(
            new Dictionary<string, string?> { ["ANC_ONEDNN_CONVOLUTIONS"] = null },
            Path.Combine(AncHostProcess.EncryptionManifests, "symmetric-quick.json"));
        (int badExit, _, string badError) = Doctor(new Dictionary<string, string?> { ["ANC_ONEDNN_CONVOLUTIONS"] = "sometimes" });

        Assert.True(exit is 0 or 1, output + error);
        Assert.Contains("threads:       2 of", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  ok     alice's network \(mix-transform, 16->8\) ", output);
        Assert.Matches(@"(?m)^  ok     bob's network \(mix-transform, 16->8\) ", output);
        Assert.Matches(@"(?m)^  ok     eve's network \(mix-transform, 8->8\) ", output);
        Assert.Equal(2, badExit);
        Assert.Equal("ANC_ONEDNN_CONVOLUTIONS=sometimes: it must be auto, on or off; unset it for auto.", badError.Trim());
    }

    private static (int Exit, string Output, string Error) Doctor(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        AncHostProcess.RunDotnet(Path.GetTempPath(), Timeout, environment, [AncHostProcess.HostAssembly, "doctor", .. arguments]);
}
