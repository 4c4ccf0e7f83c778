import os
from concurrent.futures import ThreadPoolExecutor

print(type(os.cpu_count()).__name__, os.cpu_count() >= 1)
ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))
ex.shutdown()
for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError:", e)
with ThreadPoolExecutor(2) as ex:
    print(sorted(ex.map(lambda x: -x, range(5))))
