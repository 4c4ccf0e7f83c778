# Generators calling generators: recursion, closures, generators of generators, interleaving.
class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


tree = Node(4, Node(2, Node(1), Node(3)), Node(6, Node(5), Node(7)))
print(list(inorder(tree)))


def preorder(node):
    if node:
        yield node.value
        for child in (node.left, node.right):
            for v in preorder(child):
                yield v


print(list(preorder(tree)))


def counter(start):
    def step():
        nonlocal start
        start += 1
        return start
    while start < 5:
        yield step()


print(list(counter(1)))


def generators_of_generators(n):
    for i in range(n):
        yield (i * j for j in range(3))


print([list(g) for g in generators_of_generators(3)])


def interleave(*iterables):
    its = [iter(x) for x in iterables]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)


print(list(interleave("abc", [1, 2], range(10, 14))))


def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield items[i:i + 1] + rest


print(list(permutations([1, 2, 3])))
