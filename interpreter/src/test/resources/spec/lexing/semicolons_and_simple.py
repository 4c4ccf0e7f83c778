a = 1; b = 2; c = a + b
print(a, b, c);
if c == 3: print("one-line if"); print("second statement")
while a < 3: a += 1
print(a)
for i in range(2): print("loop", i)
def f(): return "one-line def"
print(f())
class C: pass
print(type(C()).__name__)
