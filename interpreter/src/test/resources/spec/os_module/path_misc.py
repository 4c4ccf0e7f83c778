import os.path as p
print(p.commonprefix(["/usr/lib", "/usr/local"]), p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b"))
print(p.join("", "x"), p.split("/"), p.split("file"), p.dirname("file"), p.basename("dir/"))
print(p.expanduser("nohome"), p.normpath("//x//y"), p.normpath("a/b/../../.."))
