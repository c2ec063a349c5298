using Anc.Components;
using Anc.Plugins.SelectiveProtection.Adversaries;
using Anc.Plugins.SelectiveProtection.Architectures;
using Anc.Plugins.SelectiveProtection.Data;
using Anc.Plugins.SelectiveProtection.Losses;
using Anc.Plugins.SelectiveProtection.Scenario;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Plugins.SelectiveProtection;

/// <summary>Registers the components of the paper's "learning what to protect" experiment (Abadi and Andersen 2016, section 3).</summary>
public sealed class SelectiveProtectionPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAncDataGenerator<CorrelatedGaussianGenerator, CorrelatedGaussianOptions>(
            CorrelatedGaussianGenerator.Name, "Tuples <A, B, C, D>: A, B, C standard normal, D = wA*A + wB*B + wC*C + noise*eps.");
        services.AddAncDataGenerator<CsvTableGenerator, CsvTableOptions>(
            CsvTableGenerator.Name, "Tuples <A, B, C, D> drawn from the rows of a table (.csv), each column standardised; the manifest names the columns.");
        services.AddAncArchitecture<DenseArchitecture, DenseOptions>(
            DenseArchitecture.Name, "Fully connected layers with relu or tanh, then a linear output for real values.");
        services.AddAncAdversary<CEveAdversary, CEveOptions>(
            CEveAdversary.Name, "Eve after the sensitive C: sees D-public and the ciphertext, trains on 2 minibatches per round.");
        services.AddAncLoss<SquaredErrorLoss, NoOptions>(
            SquaredErrorLoss.Name, "Mean squared error over the batch and every value.");
        services.AddAncScenario<SelectiveProtectionScenario, SelectiveProtectionOptions>(
            SelectiveProtectionScenario.Name, "Learning what to protect: publish D-public, encrypt the rest, hide C from Eve.");
    }
}
