using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Anc.Cluster.Hosting;

/// <summary>
/// A cluster member's TLS credentials, as <c>eng/services/lab-ca.sh member</c> makes them in a
/// folder: its certificate (<c>member.crt</c>) and key (<c>member.key</c>), and the lab's
/// authority (<c>ca.crt</c>). Members talk TLS both ways and accept one another only with a
/// certificate the authority signed; the system's trusted roots count for nothing here.
/// </summary>
public sealed class ClusterTls : IDisposable
{
    /// <summary>The name a member asks for when it connects (members are told apart by their authority, not their names).</summary>
    private const string TargetHost = "anc-cluster";

    private ClusterTls(string folder, X509Certificate2 certificate, X509Certificate2 authority)
    {
        Folder = folder;
        Certificate = certificate;
        Authority = authority;
    }

    /// <summary>The folder the credentials came from.</summary>
    public string Folder { get; }

    /// <summary>This member's certificate, with its key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The lab's certificate authority.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Reads a member's folder.</summary>
    /// <param name="folder">The folder <c>lab-ca.sh member</c> made.</param>
    /// <exception cref="FormatException">A file is missing or not what it should be; the message names it.</exception>
    public static ClusterTls Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string full = Path.GetFullPath(folder);
        string certificate = Path.Combine(full, "member.crt");
        string key = Path.Combine(full, "member.key");
        string authority = Path.Combine(full, "ca.crt");
        foreach (string file in new[] { certificate, key, authority })
        {
            if (!File.Exists(file))
            {
                throw new FormatException($"--tls {folder}: there is no {Path.GetFileName(file)} there; give a member's folder as eng/services/lab-ca.sh member makes it.");
            }
        }

        try
        {
            X509Certificate2 own = X509Certificate2.CreateFromPemFile(certificate, key);
            X509Certificate2 root = X509CertificateLoader.LoadCertificateFromFile(authority);
            return new ClusterTls(full, own, root);
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"--tls {folder}: its certificate, key or authority cannot be read ({e.Message.Trim()}).", e);
        }
    }

    /// <summary>Whether <paramref name="remote"/> is a member's: a certificate the lab's authority signed.</summary>
    public bool Accepts(X509Certificate2? remote)
    {
        if (remote is null)
        {
            return false;
        }

        using X509Chain chain = new();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    /// <summary>Both ends show a certificate, and each accepts only the lab's.</summary>
    internal void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, _) => Accepts(certificate);
        options.OnAuthenticateAsClient = (_, authentication) => authentication.TargetHost = TargetHost;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        Authority.Dispose();
    }
}
