using System.Net;
using System.Net.Http.Json;
using Anc.Ciphers;
using Anc.Manifests;
using Anc.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyService;

namespace Anc.Framework.Tests;

/// <summary>
/// A trained cipher behind ASP.NET Core, as docs/embedding.md shows it: a real Kestrel server on
/// a loopback port, called over HTTP by concurrent clients.
/// </summary>
public sealed class CipherEndpointTests
{
    [Fact]
    public async Task Concurrent_HTTP_callers_get_what_the_trained_cipher_computes_alone()
    {
        string run;
        using (TrainingLock.Acquire())
        using (ServiceProvider services = BuiltInPlugins.Services())
        {
            ResolvedManifest manifest = services.Reader().Parse(ExperimentRunnerTests.TinyManifest, "tiny.json");
            run = ExperimentRunnerTests.Run(services, manifest, ExperimentRunnerTests.NewRunsRoot()).RunDirectory;
        }

        // What the cipher computes for each message when nothing else calls it.
        Random random = new(5);
        (bool[] Plaintext, bool[] Key)[] messages = Enumerable.Range(0, 64).Select(_ => (Bits(random, 4), Bits(random, 4))).ToArray();
        float[][] alone;
        using (ServiceProvider services = BuiltInPlugins.Services())
        using (TrainedCipher cipher = services.GetRequiredService<TrainedRuns>().OpenCipher(run, 5))
        {
            alone = messages.Select(m => cipher.Encrypt(m.Plaintext, m.Key)).ToArray();
        }

        await using WebApplication app = Service(run);
        await app.StartAsync();
        using HttpClient client = new() { BaseAddress = new Uri(app.Urls.Single()) };

        // Eight callers at once, each sending every message.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            foreach (int i in Enumerable.Range(0, messages.Length).OrderBy(i => (i * 7) + caller))
            {
                HttpResponseMessage response = await client.PostAsJsonAsync("/encrypt", new EncryptRequest(messages[i].Plaintext, messages[i].Key));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                EncryptResponse encrypted = (await response.Content.ReadFromJsonAsync<EncryptResponse>())!;
                Assert.Equal(alone[i], encrypted.Ciphertext);

                DecryptResponse decrypted = (await (await client.PostAsJsonAsync("/decrypt", new DecryptRequest(encrypted.Ciphertext, messages[i].Key))).Content.ReadFromJsonAsync<DecryptResponse>())!;
                Assert.Equal(4, decrypted.Plaintext.Length);
            }
        })));

        HttpResponseMessage wrong = await client.PostAsJsonAsync("/encrypt", new EncryptRequest([true, false], [true, true, false, false]));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("plaintext must have 4 values; it has 2.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>The service of docs/embedding.md, on a free loopback port, for seed 5 of <paramref name="run"/>.</summary>
    private static WebApplication Service(string run)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAnc(options => options.AddPluginFolder(BuiltInPlugins.Folder));
        builder.Services.AddSingleton(provider => provider.GetRequiredService<TrainedRuns>().OpenCipher(run, seed: 5));
        WebApplication app = builder.Build();
        app.MapCipher();
        return app;
    }

    private static bool[] Bits(Random random, int count) => Enumerable.Range(0, count).Select(_ => random.Next(2) == 1).ToArray();
}
