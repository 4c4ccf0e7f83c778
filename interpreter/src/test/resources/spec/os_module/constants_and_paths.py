import os, os.path
print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.pathsep, os.devnull)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/abs", "y"), os.path.join("a/", "b"))
print(os.path.basename("/usr/lib/x.tar.gz"), os.path.dirname("/usr/lib/x.tar.gz"), os.path.split("a/b/"))
print(os.path.splitext("x.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"), os.path.splitext("a.b/c"))
print(os.path.normpath("/a//b/./c/../d"), os.path.normpath(""), os.path.normpath("../x/.."), os.path.isabs("/q"))
