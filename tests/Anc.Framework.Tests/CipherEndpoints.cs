using Anc.Ciphers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MyService;

/// <summary>
/// The ASP.NET Core example of docs/embedding.md, kept here so that it compiles and is tested
/// (CipherEndpointTests): a trained Alice and Bob behind two POST endpoints.
/// </summary>
public static class CipherEndpoints
{
    /// <summary>Maps <c>POST /encrypt</c> and <c>POST /decrypt</c> onto the <see cref="TrainedCipher"/> the services hold.</summary>
    public static IEndpointRouteBuilder MapCipher(this IEndpointRouteBuilder app)
    {
        app.MapPost("/encrypt", (EncryptRequest request, TrainedCipher cipher) =>
            Answer(() => new EncryptResponse(cipher.Encrypt(request.Plaintext, request.Key))));
        app.MapPost("/decrypt", (DecryptRequest request, TrainedCipher cipher) =>
            Answer(() => new DecryptResponse(cipher.Decrypt(request.Ciphertext, request.Key))));
        return app;
    }

    // A message or key of the wrong length is the caller's mistake: 400 with the reason, not 500.
    private static IResult Answer<T>(Func<T> call)
    {
        try
        {
            return Results.Ok(call());
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }
}

/// <summary>A plaintext and the secret key to encrypt it under, as bits.</summary>
public sealed record EncryptRequest(bool[] Plaintext, bool[] Key);

/// <summary>Alice's ciphertext: real values, one per plaintext bit.</summary>
public sealed record EncryptResponse(float[] Ciphertext);

/// <summary>A ciphertext and the secret key to decrypt it with.</summary>
public sealed record DecryptRequest(float[] Ciphertext, bool[] Key);

/// <summary>Bob's reading of the plaintext.</summary>
public sealed record DecryptResponse(bool[] Plaintext);
