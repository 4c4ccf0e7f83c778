import os
n = os.cpu_count()
print(isinstance(n, int) and n >= 1, isinstance(os.getpid(), int), os.getpid() == os.getpid())
print(os.path.isabs(os.getcwd()), os.path.abspath(".") == os.getcwd(), os.path.abspath("x/../y") == os.path.join(os.getcwd(), "y"))
print(isinstance(os.environ, dict) or hasattr(os.environ, "get"), os.environ.get("FTPY_SURELY_UNSET_VAR"), os.getenv("FTPY_SURELY_UNSET_VAR", "dflt"))
print("PATH" in os.environ, type(os.environ["PATH"]).__name__)
aff = os.sched_getaffinity(0)
print(type(aff).__name__, len(aff) >= 1, all(isinstance(c, int) for c in aff))
