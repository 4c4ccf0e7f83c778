name = "world"
n = 42
print(f"hello {name}!", f'{n}', F"{n + 1}", f"{{literal braces}}", f"{'nested quotes'}")
print(f"{name!r} {name!s} {n!r}")
print(f"{n=}", f"{name = }", f"{n + 1=}")
items = [1, 2, 3]
print(f"{items[0]} {items[-1]} {len(items)} {items}")
d = {"k": "v"}
print(f"{d['k']} {d}")
print(f"{'multi' + 'part'} {n * 2} {n // 5} {n if n > 40 else 0}")
print(f"a" "b" f"{n}" 'c')
print(rf"raw \n {n}", fr"{name}\t")
x = 3.14159
print(f"""triple {x}
second line {n}""")
print(f"{(lambda v: v * 2)(n)}")
print(f"{', '.join(str(i) for i in items)}")
