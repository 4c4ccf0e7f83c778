from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
f = ex.submit(len, "abc")
ex.shutdown()
print(f.result())
try:
    ex.submit(len, "x")
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown()
ex.shutdown(wait=False)
print("shutdown is idempotent")
with ThreadPoolExecutor(1) as ex2:
    pass
try:
    ex2.submit(print)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ex2.map(abs, [1])
except RuntimeError as e:
    print("map RuntimeError:", e)
