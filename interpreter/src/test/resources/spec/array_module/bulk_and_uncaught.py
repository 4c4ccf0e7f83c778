from array import array
a = array("I")
for i in range(1000):
    a.append(i * i)
print(len(a), a[999], sum(a), a.count(0))
a.fromlist([1, 2])
try:
    a.fromlist([3, -1])
except OverflowError as e:
    print(e, len(a))
array("b", [1, 2, 300])
