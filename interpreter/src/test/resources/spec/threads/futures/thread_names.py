import threading
from concurrent.futures import ThreadPoolExecutor

def name():
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as ex:
    print(ex.submit(name).result())
with ThreadPoolExecutor(max_workers=1) as ex:
    n = ex.submit(name).result()
    print(n.startswith("ThreadPoolExecutor-"), n.endswith("_0"))
with ThreadPoolExecutor(max_workers=1, thread_name_prefix="w") as ex:
    print(ex.submit(name).result(), ex.submit(threading.current_thread).result().daemon)
