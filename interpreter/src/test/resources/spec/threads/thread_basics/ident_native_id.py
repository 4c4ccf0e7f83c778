import threading

box = {}

def worker():
    box["ident"] = threading.get_ident()
    box["native"] = threading.get_native_id()
    box["current"] = threading.current_thread().ident

t = threading.Thread(target=worker)
print("ident before start", t.ident)
print("native_id before start", t.native_id)
t.start()
t.join()
print("ident is int", type(t.ident) is int)
print("ident == get_ident in thread", t.ident == box["ident"])
print("current().ident matches", box["current"] == box["ident"])
print("native_id is int", type(t.native_id) is int)
print("native matches", t.native_id == box["native"])
print("main ident", threading.main_thread().ident == threading.get_ident())
print("differs from main", t.ident != threading.get_ident())
print(type(threading.get_native_id()).__name__)
