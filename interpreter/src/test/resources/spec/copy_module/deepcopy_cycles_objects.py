import copy
class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []
a, b = Node("a"), Node("b")
a.peers.append(b); b.peers.append(a)
c = copy.deepcopy(a)
print(c.name, c.peers[0].name, c.peers[0].peers[0] is c, c is not a)
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo)
