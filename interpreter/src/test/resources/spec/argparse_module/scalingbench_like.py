import argparse, os
def main():
    parser = argparse.ArgumentParser(description="Free-threading scaling benchmarks: each benchmark runs on 1 and N threads")
    parser.add_argument("-t", "--threads", type=int, default=os.cpu_count(), help="number of threads to use")
    parser.add_argument("--scale", type=int, default=100, help="work scale factor for the benchmark (default=100)")
    parser.add_argument("--baseline-only", default=False, action="store_true", help="only run the baseline benchmarks (single thread)")
    parser.add_argument("--parallel-only", default=False, action="store_true", help="only run the parallel benchmark (many threads)")
    parser.add_argument("benchmarks", nargs="*", help="benchmarks to run")
    args = parser.parse_args(["-t", "2", "--scale", "1", "pymethod"])
    print(args.threads, args.scale, args.benchmarks, args.baseline_only, args.parallel_only)
    parser.print_help()
main()
