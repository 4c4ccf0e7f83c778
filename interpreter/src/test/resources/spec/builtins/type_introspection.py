class A:
    pass

class B(A):
    def method(self):
        return 1

b = B()
print(type(1).__name__, type("s").__name__, type([]).__name__, type({}).__name__, type(()).__name__)
print(type(set()).__name__, type(range(1)).__name__, type(None).__name__, type(len).__name__)
print(type(b).__name__, type(B).__name__, type(b.method).__name__, type(lambda: 0).__name__)
print(isinstance(b, A), isinstance(b, (int, str)), isinstance(True, int), isinstance(1, bool))
print(issubclass(B, A), issubclass(bool, int), issubclass(int, (str, object)))
print(callable(B), callable(b), callable(b.method), callable(len), callable("x"))
print(hasattr(b, "method"), getattr(b, "method")(), hasattr(B, "__init__"))
print(type(b) == B, type(b) is B, B.__name__, A.__name__)
print(hash(1) == hash(1.0), hash("abc") == hash("abc"), hash((1, 2)) == hash((1, 2)))
try:
    hash([1])
except TypeError as e:
    print(e)
print(id(b) == id(b), id(b) != id(A()))
