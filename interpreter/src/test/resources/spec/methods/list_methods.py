xs = [3, 1, 2]
xs.append(4)
xs.extend([5, 6])
xs.insert(0, 0)
xs.insert(100, 99)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs, xs.index(2), xs.count(1))
xs.remove(1)
print(xs)
xs.sort()
print(xs)
xs.sort(key=lambda v: -v)
print(xs)
xs.reverse()
print(xs, xs.copy() == xs, xs.copy() is xs)
ys = xs[:]
ys[0] = 100
print(xs[0], ys[0])
xs.clear()
print(xs)
nums = list(range(10))
nums[2:5] = ["a", "b"]
print(nums)
del nums[0]
del nums[::2]
print(nums)
nums[1:1] = [7, 8]
print(nums, nums * 2, nums + [0], [0] * 3)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].remove(5)
except ValueError as e:
    print(e)
