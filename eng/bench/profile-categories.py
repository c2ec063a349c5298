"""Sums `perf report --no-children --sort dso,symbol --stdio` lines (stdin) by kind of work."""
import re
import sys

# First match wins: the order puts the specific before the general.
KINDS = [
    ("matrix products (MKL sgemm, packing included)", r"sgemm|gemm|mkl_blas|gblock"),
    ("sigmoid forward", r"sigmoid_kernel|Sleef_exp|expf"),
    ("sigmoid backward", r"sigmoid_backward"),
    ("tanh forward and backward", r"tanh"),
    ("copies (bias broadcast, cat, contiguous)", r"copy_kernel|memmove|memcpy|cat_serial|CatArray"),
    ("reductions (bias gradients, losses)", r"sum|reduce|Reduce|norm"),
    ("other element-wise kernels", r"_kernel|Vectorized|cpu_kernel|loop_2d"),
    ("gather and scatter (band matrices)", r"index_select|index_add|gather|scatter|embedding"),
    ("OpenMP: the second thread waiting for work", r"libgomp|gomp_"),
    ("memory (malloc, free, page faults)", r"malloc|free|page_fault|clear_page|memcg|mmap|munmap|brk|_int_"),
    ("kernel (scheduler, other)", r"\[kernel|\[k\]"),
    ("dispatcher and autograd bookkeeping", r"libtorch_cpu|libc10|libtorch"),
    (".NET and TorchSharp", r"coreclr|clrjit|LibTorchSharp|\.dll|perf-\d+\.map|anc-host|System\."),
]



def readable(symbol):
    """A kernel's own name where the symbol is a template instance around it, else its start."""
    kernel = re.search(r"(\w+_kernel\w*)", symbol)
    return kernel.group(1) if kernel else symbol[:60]


totals = {name: 0.0 for name, _ in KINDS}
totals["other"] = 0.0
top = {}
for line in sys.stdin:
    match = re.match(r"\s*([0-9.]+)%\s+(\S+)\s+\[(.)\]\s+(.*)", line)
    if not match:
        continue
    share, dso, _, symbol = float(match.group(1)), match.group(2), match.group(3), re.split(r"\s{2,}", match.group(4).strip())[0]
    text = f"{dso} {symbol}"
    for name, pattern in KINDS:
        if re.search(pattern, text):
            totals[name] += share
            top.setdefault(name, []).append((share, readable(symbol)))
            break
    else:
        totals["other"] += share

print(f"{'share of samples':>16}  kind of work (largest symbol)")
for name, share in sorted(totals.items(), key=lambda item: -item[1]):
    if share < 0.05:
        continue
    largest = max(top.get(name, [(0, "")]))[1]
    print(f"{share:15.1f}%  {name}" + (f"  ({largest})" if largest else ""))
