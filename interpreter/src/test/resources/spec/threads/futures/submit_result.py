from concurrent.futures import ThreadPoolExecutor

def power(base, exp=2):
    return base ** exp

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(power, i) for i in range(6)]
    cubes = [ex.submit(power, i, exp=3) for i in range(4)]
    print([f.result() for f in futures])
    print([f.result(timeout=10) for f in cubes])
print(all(f.done() for f in futures + cubes))
print([f.exception() for f in futures[:2]])
print(futures[0].cancelled(), futures[0].running())
