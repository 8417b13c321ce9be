using System.Runtime.InteropServices;
using Broadsheet.Web.Hosting;

namespace Broadsheet.Web.Tests;

/// <summary>
/// The server's cap on glibc's malloc arenas (what kept its RSS flat in the soak, bench/README.md) and its fixed mmap
/// threshold (what kept a 1,000-page library batch's arenas at 55–67 MB; glibc's moving threshold let them grow to 280).
/// </summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void Glibc_takes_the_cap()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));

        Assert.True(NativeHeap.CapArenas());
    }

    [Fact]
    public void Large_blocks_keep_a_mapping_of_their_own_after_a_larger_one_is_freed()
    {
        Assert.Null(Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"));
        Assert.True(NativeHeap.MapLargeBlocks());

        // By default glibc would now serve anything up to 16 MB from an arena: its threshold follows the largest mapped
        // block freed. Whatever the threshold, glibc first serves a block from a free chunk or an arena's top when one
        // is large enough, and the other tests' threads leave free chunks of any size (a trim hands their pages back
        // but keeps the chunks). So the 12 MB blocks are held until one is mapped: each one that is not uses up a free
        // chunk, and once they are gone glibc maps the block with the fixed threshold and grows an arena without it.
        var page = Marshal.AllocHGlobal(16 << 20);
        Marshal.WriteByte(page, 1);
        Marshal.FreeHGlobal(page);
        NativeHeap.Trim();

        var held = new List<nint>();
        var mapped = false;
        try
        {
            while (held.Count < 64 && !mapped)
            {
                held.Add(Marshal.AllocHGlobal(12 << 20));
                mapped = IsMapped(held[^1]);
            }
        }
        finally
        {
            held.ForEach(Marshal.FreeHGlobal);
        }

        var small = Marshal.AllocHGlobal(1000);
        try
        {
            Assert.True(mapped);
            Assert.False(IsMapped(small));
        }
        finally
        {
            Marshal.FreeHGlobal(small);
        }
    }

    [Fact]
    public void An_operators_own_mmap_threshold_is_left_alone()
    {
        Environment.SetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_", "4194304");
        try
        {
            Assert.False(NativeHeap.MapLargeBlocks());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_", null);
        }
    }

    [Fact]
    public void Freed_native_memory_goes_back_to_the_system()
    {
        // 64 MB in small blocks (under glibc's mmap threshold, so they come from an arena), written, then freed.
        var blocks = new nint[64 * 1024];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = System.Runtime.InteropServices.Marshal.AllocHGlobal(1000);
            System.Runtime.InteropServices.Marshal.WriteByte(blocks[i], 500, 1);
        }

        foreach (var block in blocks)
        {
            System.Runtime.InteropServices.Marshal.FreeHGlobal(block);
        }

        Assert.True(NativeHeap.Trim());
    }

    [Fact]
    public void The_heap_is_trimmed_every_period_until_stopped()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var trims = 0;
        var trimming = new PeriodicTrim(clock, () => ++trims > 0);

        clock.Advance(NativeHeap.TrimEvery - TimeSpan.FromSeconds(1));
        Assert.Equal(0, trims);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, trims);
        clock.Advance(NativeHeap.TrimEvery * 2);
        Assert.Equal(3, trims);

        trimming.Dispose();
        clock.Advance(NativeHeap.TrimEvery * 2);
        Assert.Equal(3, trims);
    }

    [Fact]
    public void Trimming_runs_once_a_process_however_many_hosts_ask()
    {
        NativeHeap.KeepTrimming();

        Assert.False(NativeHeap.KeepTrimming());
    }

    [Fact]
    public void An_operators_own_arena_limit_is_left_alone()
    {
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
        try
        {
            Assert.False(NativeHeap.CapArenas());
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", null);
        }
    }

    // glibc keeps a chunk's size in the word before the block; its second-lowest bit says the chunk has a mapping of its
    // own (malloc.c, IS_MMAPPED).
    private static bool IsMapped(nint block) => (Marshal.ReadInt64(block, -8) & 2) != 0;
}
