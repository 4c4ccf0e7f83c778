from concurrent.futures import Future, InvalidStateError, CancelledError

f = Future()
print(f.done(), f.running(), f.cancelled())
print(f.set_running_or_notify_cancel())
print(f.running())
f.set_result(42)
print(f.done(), f.result(), f.exception())
try:
    f.set_result(1)
except InvalidStateError as e:
    print("InvalidStateError")
g = Future()
g.set_exception(ArithmeticError("bad math"))
print(type(g.exception()).__name__, g.exception())
try:
    g.result()
except ArithmeticError as e:
    print("raised", e)
h = Future()
print(h.cancel(), h.cancelled(), h.set_running_or_notify_cancel())
try:
    h.result(timeout=0)
except CancelledError:
    print("CancelledError")
calls = []
k = Future()
k.add_done_callback(lambda fut: calls.append(fut.result()))
print(calls)
k.set_result("done!")
print(calls)
