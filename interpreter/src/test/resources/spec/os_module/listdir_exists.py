import os
names = os.listdir(".")
print("listdir_exists.py" in names, names == sorted(names) or True)
print(os.path.exists("listdir_exists.py"), os.path.isfile("listdir_exists.py"), os.path.isdir("."), os.path.exists("no/such/file"))
try:
    os.listdir("no_such_dir_here")
except FileNotFoundError as e:
    print("FileNotFoundError", e)
