using System.Collections.Concurrent;
using Anc.Torch;
using TorchSharp;

namespace Anc.Abstractions.Tests;

public sealed class TorchWorkersTests
{
    [Fact]
    public void Pieces_run_side_by_side_on_one_torch_thread_each_and_torchs_count_comes_back()
    {
        torch.set_num_threads(2);
        ConcurrentBag<(int Thread, int TorchThreads)> seen = [];
        using Barrier together = new(2);
        Action piece = () =>
        {
            // Both pieces must be running at once to pass this barrier.
            Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(30)));
            seen.Add((Environment.CurrentManagedThreadId, torch.get_num_threads()));
        };

        TorchWorkers.Run([piece, piece], threads: 2, CancellationToken.None);

        Assert.Equal(2, seen.Select(s => s.Thread).Distinct().Count());
        Assert.All(seen, s => Assert.Equal(1, s.TorchThreads));
        Assert.Equal(2, torch.get_num_threads());
    }

    [Fact]
    public void While_pieces_run_side_by_side_no_collection_of_torchs_garbage_is_due_and_after_them_it_is()
    {
        torch.set_num_threads(2);
        ConcurrentBag<bool> due = [];
        using Barrier together = new(2);
        Action piece = () =>
        {
            Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(30)));
            due.Add(TorchGarbage.Collects(TorchGarbage.Interval));
        };

        TorchWorkers.Run([piece, piece], threads: 2, CancellationToken.None);
        bool dueAlone = false;
        TorchWorkers.Run([() => dueAlone = TorchGarbage.Collects(TorchGarbage.Interval)], threads: 2, CancellationToken.None);

        Assert.Equal([false, false], due);
        Assert.True(dueAlone);
        Assert.True(TorchGarbage.Collects(TorchGarbage.Interval));
        Assert.False(TorchGarbage.Collects(TorchGarbage.Interval + 1));
    }

    [Fact]
    public void With_one_thread_pieces_run_in_turn_on_the_callers_thread()
    {
        List<int> threads = [];
        TorchWorkers.Run([() => threads.Add(Environment.CurrentManagedThreadId), () => threads.Add(Environment.CurrentManagedThreadId)], threads: 1, CancellationToken.None);

        Assert.Equal([Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId], threads);
    }

    [Fact]
    public void A_pieces_exception_reaches_the_caller_and_later_pieces_do_not_start()
    {
        torch.set_num_threads(2);
        int started = 0;
        Action fails = () =>
        {
            Interlocked.Increment(ref started);
            throw new InvalidOperationException("piece failed");
        };

        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => TorchWorkers.Run([fails, fails, fails, fails, fails, fails], threads: 2, CancellationToken.None));

        Assert.Equal("piece failed", thrown.Message);
        Assert.InRange(started, 1, 3);
        Assert.Equal(2, torch.get_num_threads());
    }

    [Fact]
    public void Cancellation_stops_the_pieces_not_yet_started()
    {
        using CancellationTokenSource stop = new();
        int started = 0;
        Action piece = () =>
        {
            Interlocked.Increment(ref started);
            stop.Cancel();
        };

        Assert.Throws<OperationCanceledException>(() => TorchWorkers.Run(Enumerable.Repeat(piece, 8).ToList(), threads: 2, stop.Token));

        Assert.InRange(started, 1, 2);
    }
}
