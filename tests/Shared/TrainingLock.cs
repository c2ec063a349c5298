namespace Anc.Testing;

/// <summary>
/// Makes the tests that train take turns across test processes: two torch trainings with
/// two threads each on a two-core machine slow each other down many times over. Linked into
/// every test project that trains.
/// </summary>
internal static class TrainingLock
{
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "anc-tests-training.lock");

    public static IDisposable Acquire()
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                Thread.Sleep(250);
            }
        }
    }
}
