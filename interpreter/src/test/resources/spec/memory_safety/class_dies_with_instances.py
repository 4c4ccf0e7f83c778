# An instance dying in the same garbage as its class: the collector may clear the class (its dict and
# MRO) before the instance's last reference goes, and the instance's finalizer lookup must then find
# nothing instead of reading a cleared MRO. CPython handles it with type_clear leaving a valid type.
import gc


def make(n):
    class Local:
        pass

    class WithDel:
        def __del__(self):
            print("del", self.n)

    x = Local()
    Local.inst = x
    items = [x, Local]
    items.append(items)
    d = {"a": x, "c": Local}
    d["d"] = d
    w = WithDel()
    w.n = n
    w.cls = WithDel
    WithDel.me = w
    return n


for i in range(3):
    make(i)
print("collected", gc.collect() > 0)


def at_exit_garbage():
    class Node:
        pass

    nodes = [Node() for _ in range(5)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
        a.kind = Node
    Node.all = nodes


at_exit_garbage()
at_exit_garbage()
print("done")
