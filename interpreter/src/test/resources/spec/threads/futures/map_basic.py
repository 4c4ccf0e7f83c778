from concurrent.futures import ThreadPoolExecutor

with ThreadPoolExecutor(4) as ex:
    print(list(ex.map(lambda x: x * x, range(10))))
    print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
    print(list(ex.map(str.upper, "abc", timeout=10)))
    print(list(ex.map(abs, [])))
    it = ex.map(len, ["a", "bb", "ccc"], chunksize=2)
    print(type(it).__name__ != "list", list(it))
